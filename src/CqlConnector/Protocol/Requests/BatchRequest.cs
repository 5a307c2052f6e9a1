using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Protocol.Requests;

/// <summary>
/// BATCH (§4.1.7): several INSERT/UPDATE/DELETE statements, each CQL text or a prepared id with its values, applied
/// as one LOGGED, UNLOGGED or COUNTER batch.
/// </summary>
internal sealed class BatchRequest(BatchType type, IReadOnlyList<BatchRequest.Entry> entries) : CqlRequest
{
    [Flags]
    private enum BatchFlags
    {
        None = 0x00,
        WithSerialConsistency = 0x10,
        WithDefaultTimestamp = 0x20,
    }

    /// <summary>One statement of the batch: CQL text (<see cref="Query"/>) or a prepared id, with its values.</summary>
    internal readonly record struct Entry(string? Query, byte[]? PreparedId, IReadOnlyList<object?>? Values, IReadOnlyList<CqlType>? ValueTypes);

    public override Opcode Opcode => Opcode.Batch;

    public BatchType Type { get; } = type;

    public IReadOnlyList<Entry> Entries { get; } = entries;

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    public ConsistencyLevel? SerialConsistency { get; init; }

    /// <summary>Client-side write timestamp in microseconds since the epoch, for every statement of the batch.</summary>
    public long? Timestamp { get; init; }

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        if (Entries.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"A batch holds at most {ushort.MaxValue} statements; this one has {Entries.Count}. Split it into several batches.");
        }

        writer.WriteByte((byte)Type);
        writer.WriteUInt16((ushort)Entries.Count);
        foreach (var entry in Entries)
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

            var values = entry.Values;
            var count = values?.Count ?? 0;
            if (count > ushort.MaxValue)
            {
                throw new ArgumentException($"A statement binds at most {ushort.MaxValue} values; this one has {count}.");
            }

            writer.WriteUInt16((ushort)count);
            for (var i = 0; i < count; i++)
            {
                var value = values![i];
                var valueType = entry.ValueTypes?[i];
                if (valueType is null && value is not null && value is not DBNull && value is not CqlUnset)
                {
                    valueType = CqlValueCodec.InferType(value);
                }

                CqlValueCodec.WriteValue(writer, value, valueType ?? CqlType.Blob, version);
            }
        }

        writer.WriteUInt16((ushort)Consistency);
        var flags = BatchFlags.None;
        if (SerialConsistency is not null)
        {
            flags |= BatchFlags.WithSerialConsistency;
        }

        if (Timestamp is not null)
        {
            flags |= BatchFlags.WithDefaultTimestamp;
        }

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
    }
}
