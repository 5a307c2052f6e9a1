using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// Reads the schema tables of Cassandra 3.0 and later: <c>system_schema.keyspaces</c>, <c>tables</c>, <c>columns</c>,
/// <c>indexes</c> and <c>types</c>. Types there are CQL type strings (<see cref="CqlTypeStringParser"/>) that name
/// user-defined types, option maps are map&lt;text, text&gt; columns.
/// </summary>
internal sealed class SchemaParserV3 : SchemaParser
{
    public static SchemaParserV3 Instance { get; } = new();

    protected override string KeyspacesTable => "system_schema.keyspaces";

    protected override string TablesTable => "system_schema.tables";

    protected override string ColumnsTable => "system_schema.columns";

    protected override string TypesTable => "system_schema.types";

    protected override string? IndexesTable => "system_schema.indexes";

    protected override string TableNameColumn => "table_name";

    protected override bool NeedsUserTypesForColumns => true;

    public override TableMetadata MapTable(string keyspace, SchemaRow table, IReadOnlyList<SchemaRow> columns, IReadOnlyList<SchemaRow> indexes, Func<string, CqlType?> resolveUserType)
    {
        var name = table.GetRequiredString(TableNameColumn);
        var columnMetadata = columns.Select(row =>
        {
            var type = CqlTypeStringParser.Parse(row.GetRequiredString("type"), resolveUserType);
            var kind = row.GetString("kind") switch
            {
                "partition_key" => ColumnKind.PartitionKey,
                "clustering" => ColumnKind.Clustering,
                "static" => ColumnKind.Static,
                _ => ColumnKind.Regular,
            };
            var order = kind != ColumnKind.Clustering
                ? ClusteringOrder.None
                : string.Equals(row.GetString("clustering_order"), "desc", StringComparison.OrdinalIgnoreCase) ? ClusteringOrder.Descending : ClusteringOrder.Ascending;

            // position is -1 for regular and static columns.
            var position = Math.Max(0, row.GetInt32("position"));
            return new ColumnMetadata(row.GetRequiredString("column_name"), type.Type, kind, position, order, type.IsFrozen);
        });

        var indexMetadata = indexes
            .Select(row =>
            {
                var indexName = row.GetRequiredString("index_name");
                var indexOptions = row.GetStringMap("options");
                return new IndexMetadata(indexName, indexOptions.GetValueOrDefault("target") ?? string.Empty, ParseIndexKind(row.GetString("kind"), indexName), indexOptions);
            })
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();

        var flags = table.GetStringList("flags");
        var options = new TableOptions
        {
            Comment = table.GetString("comment") ?? string.Empty,
            DefaultTimeToLive = table.GetInt32("default_time_to_live"),
            GcGraceSeconds = table.GetInt32("gc_grace_seconds"),
            BloomFilterFpChance = table.GetDouble("bloom_filter_fp_chance"),
            ReadRepairChance = table.GetDouble("read_repair_chance"),
            SpeculativeRetry = table.GetString("speculative_retry"),
            Compaction = table.GetStringMap("compaction"),
            Compression = table.GetStringMap("compression"),
            Caching = table.GetStringMap("caching"),

            // A CQL table is 'compound'; COMPACT STORAGE tables are 'dense' or not compound.
            IsCompactStorage = flags.Contains("dense") || (flags.Count > 0 && !flags.Contains("compound")),
        };
        return new TableMetadata(keyspace, name, columnMetadata, indexMetadata, options);
    }

    public override IReadOnlyList<UserTypeMetadata> MapUserTypes(string keyspace, IReadOnlyList<SchemaRow> types)
    {
        // Field types name other types of the keyspace: resolve them depth first, each once.
        var rows = types.ToDictionary(r => r.GetRequiredString("type_name"), StringComparer.Ordinal);
        var resolved = new Dictionary<string, UserTypeMetadata>(StringComparer.Ordinal);
        var resolving = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in rows.Keys)
        {
            Resolve(name);
        }

        return UserTypeOrder.Sort([.. resolved.Values]);

        UserTypeMetadata Resolve(string name)
        {
            if (resolved.TryGetValue(name, out var done))
            {
                return done;
            }

            if (!resolving.Add(name))
            {
                throw new CqlProtocolViolationException($"The user-defined type '{keyspace}.{name}' refers to itself through its fields, which Cassandra does not allow: the schema tables are inconsistent.");
            }

            var row = rows[name];
            var names = row.GetStringList("field_names");
            var fieldTypes = row.GetStringList("field_types");
            var fields = names
                .Zip(fieldTypes, (n, t) => new KeyValuePair<string, CqlType>(n, CqlTypeStringParser.Parse(t, u => rows.ContainsKey(u) ? Resolve(u).Type : null).Type))
                .ToArray();
            return resolved[name] = new UserTypeMetadata(keyspace, name, fields);
        }
    }

    protected override (string Strategy, IReadOnlyDictionary<string, string> Options) MapReplication(SchemaRow keyspace)
    {
        var replication = keyspace.GetStringMap("replication");
        var options = replication.Where(e => e.Key != "class").ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return (replication.GetValueOrDefault("class") ?? string.Empty, options);
    }
}
