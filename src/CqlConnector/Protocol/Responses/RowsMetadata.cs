using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// The &lt;metadata&gt; of a Rows result (§4.2.5.2): the columns (absent when the request skipped metadata), the paging
/// state of the next page, and on v5 a new result metadata id when the statement's result columns changed.
/// </summary>
internal sealed class RowsMetadata
{
    [Flags]
    private enum Flags
    {
        GlobalTablesSpec = 0x0001,
        HasMorePages = 0x0002,
        NoMetadata = 0x0004,
        MetadataChanged = 0x0008,
    }

    public static RowsMetadata Empty { get; } = new() { Columns = [] };

    /// <summary>The columns, or <c>null</c> when the server sent none (No_metadata).</summary>
    public IReadOnlyList<CqlColumn>? Columns { get; private init; }

    public int ColumnCount { get; private init; }

    public byte[]? PagingState { get; private init; }

    public byte[]? NewMetadataId { get; private init; }

    public static RowsMetadata Read(ref CqlReader reader)
    {
        var flags = (Flags)reader.ReadInt32();
        var columnCount = reader.ReadInt32();
        byte[]? pagingState = null;
        if ((flags & Flags.HasMorePages) != 0)
        {
            pagingState = reader.ReadBytesArray();
        }

        byte[]? newMetadataId = null;
        if ((flags & Flags.MetadataChanged) != 0)
        {
            newMetadataId = reader.ReadShortBytes().ToArray();
        }

        if ((flags & Flags.NoMetadata) != 0)
        {
            return new RowsMetadata { ColumnCount = columnCount, PagingState = pagingState, NewMetadataId = newMetadataId };
        }

        var columns = ReadColumns(ref reader, columnCount, (flags & Flags.GlobalTablesSpec) != 0);
        return new RowsMetadata { Columns = columns, ColumnCount = columnCount, PagingState = pagingState, NewMetadataId = newMetadataId };
    }

    /// <summary>Reads column specifications, with a global table spec first when <paramref name="globalTableSpec"/>.</summary>
    internal static CqlColumn[] ReadColumns(ref CqlReader reader, int count, bool globalTableSpec)
    {
        string? keyspace = null, table = null;
        if (globalTableSpec)
        {
            keyspace = reader.ReadString();
            table = reader.ReadString();
        }

        var columns = new CqlColumn[count];
        for (var i = 0; i < count; i++)
        {
            var columnKeyspace = keyspace ?? reader.ReadString();
            var columnTable = table ?? reader.ReadString();
            var name = reader.ReadString();
            columns[i] = new CqlColumn(columnKeyspace, columnTable, name, CqlType.Read(ref reader));
        }

        return columns;
    }
}
