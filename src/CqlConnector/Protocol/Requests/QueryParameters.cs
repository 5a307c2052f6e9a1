using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Protocol.Requests;

/// <summary>
/// The &lt;query_parameters&gt; shared by QUERY and EXECUTE: consistency, bound values, paging and timestamps. Values are
/// encoded straight into the outgoing frame with the codec of their CQL type. A struct held inside its request, so a
/// request costs one object rather than two.
/// </summary>
internal readonly struct QueryParameters
{
    public QueryParameters()
    {
    }

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    /// <summary>The bound values in bind-marker order (null and <see cref="CqlUnset"/> allowed).</summary>
    public IReadOnlyList<object?>? Values { get; init; }

    /// <summary>The CQL types of <see cref="Values"/>; when absent each type is inferred from its CLR value.</summary>
    public IReadOnlyList<CqlType>? ValueTypes { get; init; }

    /// <summary>Names of the values, sent with the values flag 0x40 (un-prepared queries with named markers).</summary>
    public IReadOnlyList<string>? ValueNames { get; init; }

    /// <summary>Rows per page; 0 or less lets the server return everything at once.</summary>
    public int PageSize { get; init; }

    public byte[]? PagingState { get; init; }

    public ConsistencyLevel? SerialConsistency { get; init; }

    /// <summary>Client-side write timestamp in microseconds since the epoch.</summary>
    public long? Timestamp { get; init; }

    /// <summary>Whether the server may omit result metadata (the prepared statement already has it).</summary>
    public bool SkipMetadata { get; init; }

    public void Write(CqlBufferWriter writer, ProtocolVersion version)
    {
        writer.WriteUInt16((ushort)Consistency);
        var flags = QueryFlags.None;
        var values = Values;
        if (values is { Count: > 0 })
        {
            flags |= QueryFlags.Values;
            if (ValueNames is not null)
            {
                flags |= QueryFlags.WithNamesForValues;
            }
        }

        if (SkipMetadata)
        {
            flags |= QueryFlags.SkipMetadata;
        }

        if (PageSize > 0)
        {
            flags |= QueryFlags.PageSize;
        }

        if (PagingState is not null)
        {
            flags |= QueryFlags.WithPagingState;
        }

        if (SerialConsistency is not null)
        {
            flags |= QueryFlags.WithSerialConsistency;
        }

        if (Timestamp is not null)
        {
            flags |= QueryFlags.WithDefaultTimestamp;
        }

        if (version >= ProtocolVersion.V5)
        {
            writer.WriteInt32((int)flags);
        }
        else
        {
            writer.WriteByte((byte)flags);
        }

        if (values is { Count: > 0 })
        {
            if (values.Count > ushort.MaxValue)
            {
                throw new ArgumentException($"A statement binds at most {ushort.MaxValue} values; this one has {values.Count}.");
            }

            writer.WriteUInt16((ushort)values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                if (ValueNames is not null)
                {
                    writer.WriteString(ValueNames[i]);
                }

                var value = values[i];
                var type = ValueTypes?[i];
                if (type is null && value is not null && value is not DBNull && value is not CqlUnset)
                {
                    type = CqlValueCodec.InferType(value);
                }

                CqlValueCodec.WriteValue(writer, value, type ?? CqlType.Blob, version);
            }
        }

        if (PageSize > 0)
        {
            writer.WriteInt32(PageSize);
        }

        if (PagingState is not null)
        {
            writer.WriteBytes(PagingState);
        }

        if (SerialConsistency is { } serial)
        {
            writer.WriteUInt16((ushort)serial);
        }

        if (Timestamp is { } timestamp)
        {
            writer.WriteInt64(timestamp);
        }
    }
}
