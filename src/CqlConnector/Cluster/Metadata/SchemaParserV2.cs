using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// Reads the schema tables of Cassandra 2.x: <c>system.schema_keyspaces</c>, <c>schema_columnfamilies</c>,
/// <c>schema_columns</c> (which also describe secondary indexes) and <c>schema_usertypes</c>. Types there are Java
/// marshal class names (<see cref="MarshalTypeParser"/>), option maps are JSON text.
/// </summary>
internal sealed class SchemaParserV2 : SchemaParser
{
    public static SchemaParserV2 Instance { get; } = new();

    protected override string KeyspacesTable => "system.schema_keyspaces";

    protected override string TablesTable => "system.schema_columnfamilies";

    protected override string ColumnsTable => "system.schema_columns";

    protected override string TypesTable => "system.schema_usertypes";

    protected override string? IndexesTable => null;

    protected override string TableNameColumn => "columnfamily_name";

    protected override bool NeedsUserTypesForColumns => false;

    public override TableMetadata MapTable(string keyspace, SchemaRow table, IReadOnlyList<SchemaRow> columns, IReadOnlyList<SchemaRow> indexes, Func<string, CqlType?> resolveUserType)
    {
        var name = table.GetRequiredString(TableNameColumn);
        var columnMetadata = new List<ColumnMetadata>(columns.Count);
        var indexMetadata = new List<IndexMetadata>();
        foreach (var row in columns)
        {
            var columnName = row.GetRequiredString("column_name");
            if (columnName.Length == 0)
            {
                // The unnamed value column of a compact table without regular columns: not visible in CQL.
                continue;
            }

            var type = MarshalTypeParser.Parse(row.GetRequiredString("validator"));
            var kind = row.GetString("type") switch
            {
                "partition_key" => ColumnKind.PartitionKey,
                "clustering_key" => ColumnKind.Clustering,
                "static" => ColumnKind.Static,
                _ => ColumnKind.Regular,
            };

            // component_index is null for the only column of a single-column key.
            var position = kind is ColumnKind.PartitionKey or ColumnKind.Clustering ? row.GetNullableInt32("component_index") ?? 0 : 0;
            var order = kind == ColumnKind.Clustering ? (type.IsReversed ? ClusteringOrder.Descending : ClusteringOrder.Ascending) : ClusteringOrder.None;
            // Tuples and user-defined types are always frozen before 3.6, and 2.1.0 does not wrap them in FrozenType.
            var frozen = type.IsFrozen || type.Type.Code is CqlTypeCode.Tuple or CqlTypeCode.Udt;
            columnMetadata.Add(new ColumnMetadata(columnName, type.Type, kind, position, order, frozen));

            if (row.GetString("index_name") is { } indexName)
            {
                var options = row.GetJsonMap("index_options");
                indexMetadata.Add(new IndexMetadata(indexName, IndexTarget(columnName, type, options), ParseIndexKind(row.GetString("index_type"), indexName), options));
            }
        }

        var comparator = table.GetString("comparator") ?? string.Empty;
        if (!columnMetadata.Exists(c => c.Kind == ColumnKind.PartitionKey))
        {
            AddKeysFromAliases(table, comparator, columnMetadata);
        }

        var options2 = new TableOptions
        {
            Comment = table.GetString("comment") ?? string.Empty,
            DefaultTimeToLive = table.GetInt32("default_time_to_live"),
            GcGraceSeconds = table.GetInt32("gc_grace_seconds"),
            BloomFilterFpChance = table.GetDouble("bloom_filter_fp_chance"),
            ReadRepairChance = table.GetDouble("read_repair_chance"),
            SpeculativeRetry = table.GetString("speculative_retry"),
            Compaction = Compaction(table),
            Compression = table.GetJsonMap("compression_parameters"),
            Caching = Caching(table.GetString("caching")),

            // A CQL table's cells are named by a CompositeType; a compact one's by its clustering column alone (or,
            // with several clustering columns, by a composite without the column name: is_dense).
            IsCompactStorage = table.GetBoolean("is_dense", false) || !comparator.Contains("CompositeType(", StringComparison.Ordinal),
        };
        indexMetadata.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new TableMetadata(keyspace, name, columnMetadata, indexMetadata, options2);
    }

    public override IReadOnlyList<UserTypeMetadata> MapUserTypes(string keyspace, IReadOnlyList<SchemaRow> types)
    {
        var result = new List<UserTypeMetadata>(types.Count);
        foreach (var row in types)
        {
            var names = row.GetStringList("field_names");
            var fieldTypes = row.GetStringList("field_types");
            var fields = names.Zip(fieldTypes, (n, t) => new KeyValuePair<string, CqlType>(n, MarshalTypeParser.Parse(t).Type)).ToArray();
            result.Add(new UserTypeMetadata(keyspace, row.GetRequiredString("type_name"), fields));
        }

        return UserTypeOrder.Sort(result);
    }

    protected override (string Strategy, IReadOnlyDictionary<string, string> Options) MapReplication(SchemaRow keyspace)
        => (keyspace.GetString("strategy_class") ?? string.Empty, keyspace.GetJsonMap("strategy_options"));

    /// <summary>
    /// Tables without key rows in schema_columns (the system keyspace's, and tables from before CQL 3) name their keys
    /// in key_aliases and column_aliases; the key validator and the comparator give their types.
    /// </summary>
    private static void AddKeysFromAliases(SchemaRow table, string comparator, List<ColumnMetadata> columns)
    {
        var keyAliases = table.GetJsonList("key_aliases");
        var keyTypes = table.GetString("key_validator") is { } keyValidator ? MarshalTypeParser.ParseComparator(keyValidator).Components : [];
        for (var i = 0; i < keyTypes.Count; i++)
        {
            // Cassandra names unaliased key components "key", "key2", "key3"...
            var name = i < keyAliases.Count ? keyAliases[i] : (i == 0 ? "key" : $"key{i + 1}");
            columns.Add(new ColumnMetadata(name, keyTypes[i].Type, ColumnKind.PartitionKey, i));
        }

        var columnAliases = table.GetJsonList("column_aliases");
        if (columnAliases.Count == 0 || comparator.Length == 0)
        {
            return;
        }

        var components = MarshalTypeParser.ParseComparator(comparator).Components;
        for (var i = 0; i < columnAliases.Count && i < components.Count; i++)
        {
            var component = components[i];
            columns.Add(new ColumnMetadata(
                columnAliases[i], component.Type, ColumnKind.Clustering, i, component.IsReversed ? ClusteringOrder.Descending : ClusteringOrder.Ascending));
        }
    }

    private static string IndexTarget(string column, SchemaType type, IReadOnlyDictionary<string, string> options)
    {
        if (type.IsFrozen || type.Type.Code is not (CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map))
        {
            return column;
        }

        if (options.ContainsKey("index_keys"))
        {
            return $"keys({column})";
        }

        return options.ContainsKey("index_keys_and_values") ? $"entries({column})" : $"values({column})";
    }

    private static Dictionary<string, string> Compaction(SchemaRow table)
    {
        var compaction = new Dictionary<string, string>(table.GetJsonMap("compaction_strategy_options"), StringComparer.Ordinal);
        if (table.GetString("compaction_strategy_class") is { } strategy)
        {
            compaction["class"] = strategy;
        }

        compaction.TryAdd("min_threshold", table.GetInt32("min_compaction_threshold", 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        compaction.TryAdd("max_threshold", table.GetInt32("max_compaction_threshold", 32).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return compaction;
    }

    private static IReadOnlyDictionary<string, string> Caching(string? caching)
    {
        // 2.1 stores {"keys":"ALL", "rows_per_partition":"NONE"}; 2.0 stored one word.
        if (caching is null)
        {
            return new Dictionary<string, string>();
        }

        if (caching.TrimStart().StartsWith('{'))
        {
            return new SchemaRow(new Dictionary<string, object?> { ["caching"] = caching }).GetJsonMap("caching");
        }

        var (keys, rows) = caching.ToUpperInvariant() switch
        {
            "ALL" => ("ALL", "ALL"),
            "KEYS_ONLY" => ("ALL", "NONE"),
            "ROWS_ONLY" => ("NONE", "ALL"),
            _ => ("NONE", "NONE"),
        };
        return new Dictionary<string, string> { ["keys"] = keys, ["rows_per_partition"] = rows };
    }
}
