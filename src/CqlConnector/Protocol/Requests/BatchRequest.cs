using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Protocol.Requests;

/// <summary>
/// BATCH (§4.1.7): &lt;type&gt;&lt;n&gt;&lt;query_1&gt;...&lt;query_n&gt;&lt;consistency&gt;&lt;flags&gt;[&lt;serial_consistency&gt;][&lt;timestamp&gt;]
/// and on v5 [&lt;keyspace&gt;][&lt;now_in_seconds&gt;]: several INSERT/UPDATE/DELETE statements, each CQL text or a
/// prepared id with its values, applied as one LOGGED, UNLOGGED or COUNTER batch. The flags are a byte on v3/v4 and
/// an int on v5; values are encoded straight into the frame with the codec of their CQL type.
/// </summary>
internal sealed class BatchRequest(BatchType type, IReadOnlyList<BatchRequest.Entry> entries) : CqlRequest
{
    /// <summary>One &lt;query_i&gt;: CQL text (kind 0, <see cref="Query"/>) or a prepared id (kind 1), with its values.</summary>
    /// <param name="Query">The CQL text of an unprepared statement.</param>
    /// <param name="PreparedId">The id of a prepared statement.</param>
    /// <param name="Values">The bound values in bind-marker order (null and <see cref="CqlUnset"/> allowed).</param>
    /// <param name="ValueTypes">The CQL types of the values (from the prepared metadata); when absent, inferred from each CLR value.</param>
    /// <param name="ValueNames">
    /// Names of the values (flag 0x40, for every entry or none). The spec warns servers cannot implement it
    /// (CASSANDRA-10246); encoded for completeness.
    /// </param>
    internal readonly record struct Entry(
        string? Query,
        byte[]? PreparedId,
        IReadOnlyList<object?>? Values,
        IReadOnlyList<CqlType>? ValueTypes,
        IReadOnlyList<string>? ValueNames = null);

    public override Opcode Opcode => Opcode.Batch;

    public BatchType Type { get; } = type;

    public IReadOnlyList<Entry> Entries { get; } = entries;

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    /// <summary>SERIAL or LOCAL_SERIAL for the Paxos phase of conditional statements.</summary>
    public ConsistencyLevel? SerialConsistency { get; init; }

    /// <summary>Client-side write timestamp in microseconds since the epoch, for every statement of the batch.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The keyspace the statements run in (protocol v5).</summary>
    public string? Keyspace { get; init; }

    /// <summary>"Now" in seconds for TTL and tombstone decisions, for tests (protocol v5).</summary>
    public int? NowInSeconds { get; init; }

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        if (Entries.Count is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"A batch holds between 1 and {ushort.MaxValue} statements; this one has {Entries.Count}. Split a larger one into several batches.");
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

    private static void WriteEntry(CqlBufferWriter writer, Entry entry, bool withNames, ProtocolVersion version)
    {
        if (entry.PreparedId is { } id)
        {
            writer.WriteByte(1);
            writer.WriteShortBytes(id);
        }
        else
        {
            writer.WriteByte(0);
            writer.WriteLongString(entry.Query ?? throw new ArgumentException("A batch entry has neither CQL text nor a prepared id."));
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
