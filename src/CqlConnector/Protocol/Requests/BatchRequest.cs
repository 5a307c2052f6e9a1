using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Protocol.Requests;

/// <summary>The kind of a BATCH (§4.1.7 &lt;type&gt;).</summary>
internal enum BatchType : byte
{
    /// <summary>Written to the batch log first, so that either all statements apply or none (the CQL default).</summary>
    Logged = 0,

    /// <summary>No batch log: cheaper, atomic only within one partition.</summary>
    Unlogged = 1,

    /// <summary>Counter updates only.</summary>
    Counter = 2,
}

/// <summary>
/// One &lt;query_i&gt; of a BATCH: CQL text (kind 0) or a prepared statement id (kind 1), with its bound values.
/// </summary>
internal sealed record BatchEntry
{
    private BatchEntry(string? query, byte[]? preparedId)
    {
        Query = query;
        PreparedId = preparedId;
    }

    /// <summary>The CQL text of an unprepared statement.</summary>
    public string? Query { get; }

    /// <summary>The id of a prepared statement.</summary>
    public byte[]? PreparedId { get; }

    /// <summary>The bound values in bind-marker order (null and <see cref="CqlUnset"/> allowed).</summary>
    public IReadOnlyList<object?>? Values { get; init; }

    /// <summary>The CQL types of <see cref="Values"/> (from the prepared metadata); when absent, inferred from each CLR value.</summary>
    public IReadOnlyList<CqlType>? ValueTypes { get; init; }

    /// <summary>Names of the values (flag 0x40). The spec warns servers cannot implement it (CASSANDRA-10246); encoded for completeness.</summary>
    public IReadOnlyList<string>? ValueNames { get; init; }

    public static BatchEntry ForQuery(string query, IReadOnlyList<object?>? values = null) => new(query, null) { Values = values };

    public static BatchEntry ForPrepared(byte[] preparedId, IReadOnlyList<object?>? values = null, IReadOnlyList<CqlType>? valueTypes = null)
        => new(null, preparedId) { Values = values, ValueTypes = valueTypes };
}

/// <summary>
/// BATCH (§4.1.7): &lt;type&gt;&lt;n&gt;&lt;query_1&gt;...&lt;query_n&gt;&lt;consistency&gt;&lt;flags&gt;[&lt;serial_consistency&gt;][&lt;timestamp&gt;]
/// and on v5 [&lt;keyspace&gt;][&lt;now_in_seconds&gt;]; the flags are a byte on v3/v4 and an int on v5. Values are
/// encoded straight into the frame with the codec of their CQL type.
/// </summary>
internal sealed class BatchRequest(BatchType type, IReadOnlyList<BatchEntry> entries) : CqlRequest
{
    public override Opcode Opcode => Opcode.Batch;

    public BatchType Type { get; } = type;

    public IReadOnlyList<BatchEntry> Entries { get; } = entries;

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    /// <summary>SERIAL or LOCAL_SERIAL for the Paxos phase of conditional statements.</summary>
    public ConsistencyLevel? SerialConsistency { get; init; }

    /// <summary>The default write timestamp in microseconds since the epoch.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The keyspace the statements run in (protocol v5).</summary>
    public string? Keyspace { get; init; }

    /// <summary>"Now" in seconds for TTL and tombstone decisions, for tests (protocol v5).</summary>
    public int? NowInSeconds { get; init; }

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        if (Entries.Count is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"A batch holds between 1 and {ushort.MaxValue} statements; this one has {Entries.Count}.");
        }

        if ((Keyspace is not null || NowInSeconds is not null) && version < ProtocolVersion.V5)
        {
            throw new NotSupportedException($"A per-batch keyspace or now-in-seconds needs native protocol v5; this connection speaks {version}. Qualify the table names with their keyspace instead.");
        }

        var withNames = Entries[0].ValueNames is not null;
        writer.WriteByte((byte)Type);
        writer.WriteUInt16((ushort)Entries.Count);
        foreach (var entry in Entries)
        {
            WriteEntry(writer, entry, withNames, version);
        }

        writer.WriteUInt16((ushort)Consistency);
        var flags = QueryFlags.None;
        flags |= SerialConsistency is null ? 0 : QueryFlags.WithSerialConsistency;
        flags |= Timestamp is null ? 0 : QueryFlags.WithDefaultTimestamp;
        flags |= withNames ? QueryFlags.WithNamesForValues : 0;
        flags |= Keyspace is null ? 0 : QueryFlags.WithKeyspace;
        flags |= NowInSeconds is null ? 0 : QueryFlags.WithNowInSeconds;
        if (version >= ProtocolVersion.V5)
        {
            writer.WriteInt32((int)flags);
        }
        else
        {
            writer.WriteByte((byte)flags);
        }

        if (SerialConsistency is { } serial)
        {
            writer.WriteUInt16((ushort)serial);
        }

        if (Timestamp is { } timestamp)
        {
            writer.WriteInt64(timestamp);
        }

        if (Keyspace is not null)
        {
            writer.WriteString(Keyspace);
        }

        if (NowInSeconds is { } now)
        {
            writer.WriteInt32(now);
        }
    }

    private static void WriteEntry(CqlBufferWriter writer, BatchEntry entry, bool withNames, ProtocolVersion version)
    {
        if (entry.PreparedId is { } id)
        {
            writer.WriteByte(1);
            writer.WriteShortBytes(id);
        }
        else
        {
            writer.WriteByte(0);
            writer.WriteLongString(entry.Query!);
        }

        var values = entry.Values ?? [];
        if (values.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"A batch statement binds at most {ushort.MaxValue} values; this one has {values.Count}.");
        }

        if (withNames != (entry.ValueNames is not null))
        {
            throw new ArgumentException("Either every statement of a batch names its values or none does (flag 0x40 applies to the whole batch).");
        }

        writer.WriteUInt16((ushort)values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (withNames)
            {
                writer.WriteString(entry.ValueNames![i]);
            }

            var value = values[i];
            var type = entry.ValueTypes?[i];
            if (type is null && value is not null && value is not DBNull && value is not CqlUnset)
            {
                type = CqlValueCodec.InferType(value);
            }

            CqlValueCodec.WriteValue(writer, value, type ?? CqlType.Blob, version);
        }
    }
}
