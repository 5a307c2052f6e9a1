namespace CqlConnector.Cluster.Metadata;

/// <summary>A table of a keyspace: its columns, primary key, indexes and options.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _columnsByName;

    /// <summary>
    /// Creates the description of a table. <paramref name="columns"/> are put in CQL's order: partition key columns
    /// by position, clustering columns by position, then the other columns by name (the order <c>SELECT *</c> uses).
    /// </summary>
    public TableMetadata(string keyspace, string name, IEnumerable<ColumnMetadata> columns, IReadOnlyList<IndexMetadata> indexes, TableOptions options)
    {
        Keyspace = keyspace;
        Name = name;
        var ordered = columns
            .OrderBy(c => c.Kind switch { ColumnKind.PartitionKey => 0, ColumnKind.Clustering => 1, _ => 2 })
            .ThenBy(c => c.Kind is ColumnKind.PartitionKey or ColumnKind.Clustering ? c.Position : 0)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        Columns = ordered;
        PartitionKey = ordered.Where(c => c.Kind == ColumnKind.PartitionKey).ToArray();
        ClusteringColumns = ordered.Where(c => c.Kind == ColumnKind.Clustering).ToArray();
        StaticColumns = ordered.Where(c => c.Kind == ColumnKind.Static).ToArray();
        Indexes = indexes;
        Options = options;
        _columnsByName = ordered.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The keyspace the table belongs to.</summary>
    public string Keyspace { get; }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>Every column: partition key, clustering columns, then the others by name.</summary>
    public IReadOnlyList<ColumnMetadata> Columns { get; }

    /// <summary>The partition key columns in key order.</summary>
    public IReadOnlyList<ColumnMetadata> PartitionKey { get; }

    /// <summary>The clustering columns in key order, each with its <see cref="ColumnMetadata.ClusteringOrder"/>.</summary>
    public IReadOnlyList<ColumnMetadata> ClusteringColumns { get; }

    /// <summary>The full primary key: partition key then clustering columns.</summary>
    public IEnumerable<ColumnMetadata> PrimaryKey => PartitionKey.Concat(ClusteringColumns);

    /// <summary>The static columns.</summary>
    public IReadOnlyList<ColumnMetadata> StaticColumns { get; }

    /// <summary>The secondary indexes.</summary>
    public IReadOnlyList<IndexMetadata> Indexes { get; }

    /// <summary>The table's options.</summary>
    public TableOptions Options { get; }

    /// <summary>Whether the table holds counters (its non-key columns are all of type counter).</summary>
    public bool IsCounterTable => Columns.Any(c => c.Type.Code == Serialization.CqlTypeCode.Counter);

    /// <summary>The column named <paramref name="name"/> (case-sensitive, unquoted), or null.</summary>
    public ColumnMetadata? GetColumn(string name) => _columnsByName.GetValueOrDefault(name);
}
