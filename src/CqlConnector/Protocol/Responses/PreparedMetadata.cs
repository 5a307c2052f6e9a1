using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// What a PREPARE returns (§4.2.5.4): the statement id, the bind markers with their types, the indexes of the
/// partition-key markers (v4+, for token-aware routing), and the metadata of the rows it will return.
/// </summary>
internal sealed class PreparedMetadata
{
    public required byte[] Id { get; init; }

    /// <summary>The result metadata id (v5), sent back on EXECUTE.</summary>
    public byte[]? ResultMetadataId { get; init; }

    public required IReadOnlyList<CqlColumn> Variables { get; init; }

    /// <summary>The types of <see cref="Variables"/>, in bind-marker order.</summary>
    public IReadOnlyList<CqlType> VariableTypes => field ??= Variables.Select(v => v.Type).ToArray();

    public required IReadOnlyList<int> PartitionKeyIndexes { get; set; }

    /// <summary>The node the statement was first prepared on (the others get it in the background).</summary>
    public System.Net.EndPoint? PreparedOn { get; set; }

    /// <summary>
    /// Whether PREPARE has also been sent to every other up node (best effort: one that failed prepares on demand).
    /// A re-prepare after UNPREPARED is shared only once this holds, so that the retry finds the statement anywhere.
    /// </summary>
    public bool PreparedOnAllHosts
    {
        get => Volatile.Read(ref field);
        set => Volatile.Write(ref field, value);
    }

    public required RowsMetadata ResultMetadata { get; init; }

    public static PreparedMetadata Read(ref CqlReader reader, ProtocolVersion version)
    {
        var id = reader.ReadShortBytes().ToArray();
        byte[]? resultMetadataId = null;
        if (version >= ProtocolVersion.V5)
        {
            resultMetadataId = reader.ReadShortBytes().ToArray();
        }

        var flags = reader.ReadInt32();
        var columnCount = reader.ReadInt32();
        var partitionKeyIndexes = Array.Empty<int>();
        if (version >= ProtocolVersion.V4)
        {
            var pkCount = reader.ReadInt32();
            partitionKeyIndexes = new int[pkCount];
            for (var i = 0; i < pkCount; i++)
            {
                partitionKeyIndexes[i] = reader.ReadUInt16();
            }
        }

        var variables = RowsMetadata.ReadColumns(ref reader, columnCount, (flags & 0x0001) != 0);
        var resultMetadata = RowsMetadata.Read(ref reader);
        return new PreparedMetadata
        {
            Id = id,
            ResultMetadataId = resultMetadataId,
            Variables = variables,
            PartitionKeyIndexes = partitionKeyIndexes,
            ResultMetadata = resultMetadata,
        };
    }
}
