using CqlConnector.Cluster;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Execution;

/// <summary>
/// The serialized partition key of a bound statement, from the partition-key bind-marker indexes a PREPARE returns
/// (protocol v4+): what token-aware routing hashes. Null when it cannot be known (protocol v3, a partition-key
/// column not bound by a marker, or a null or unset value).
/// </summary>
internal static class RoutingKey
{
    public static byte[]? Compute(PreparedMetadata prepared, IReadOnlyList<object?>? values)
    {
        var indexes = prepared.PartitionKeyIndexes;
        if (indexes.Count == 0 || values is null)
        {
            return null;
        }

        if (indexes.Count == 1)
        {
            return Serialize(prepared, values, indexes[0]);
        }

        var components = new byte[indexes.Count][];
        for (var i = 0; i < components.Length; i++)
        {
            if (Serialize(prepared, values, indexes[i]) is not { } component)
            {
                return null;
            }

            components[i] = component;
        }

        return Murmur3Partitioner.ComposeRoutingKey(components);
    }

    private static byte[]? Serialize(PreparedMetadata prepared, IReadOnlyList<object?> values, int index)
    {
        if (index >= values.Count || values[index] is null or DBNull or CqlUnset)
        {
            return null;
        }

        // A per-thread scratch writer: the key is copied out, so only the key's own array is allocated per request.
        var writer = _scratch ??= new CqlBufferWriter(64);
        writer.Reset();
        try
        {
            CqlValueCodec.WriteBytes(writer, values[index]!, prepared.Variables[index].Type);
            return writer.WrittenSpan[4..].ToArray(); // the value without its [bytes] length
        }
        finally
        {
            if (writer.GetSpan().Length > 64 * 1024)
            {
                // Do not keep a large buffer alive on this thread after one large key.
                writer.Dispose();
                _scratch = null;
            }
        }
    }

    [ThreadStatic]
    private static CqlBufferWriter? _scratch;
}
