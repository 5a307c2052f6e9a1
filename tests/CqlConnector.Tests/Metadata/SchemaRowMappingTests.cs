using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Metadata;

/// <summary>Row → metadata mapping from fixed rows shaped as Cassandra 2.1 and 3.0+ return them.</summary>
public sealed class SchemaRowMappingTests
{
    private const string M = "org.apache.cassandra.db.marshal.";

    private static SchemaRow Row(params (string Column, object? Value)[] cells) => new(cells.ToDictionary(c => c.Column, c => c.Value));

    [Fact]
    public void Cassandra_2_rows()
    {
        var keyspace = Row(("keyspace_name", "shop"), ("durable_writes", true),
            ("strategy_class", "org.apache.cassandra.locator.SimpleStrategy"), ("strategy_options", "{\"replication_factor\":\"1\"}"));
        var table = Row(("keyspace_name", "shop"), ("columnfamily_name", "events"), ("comment", "event log"), ("default_time_to_live", 3600),
            ("gc_grace_seconds", 7200), ("bloom_filter_fp_chance", 0.01), ("read_repair_chance", 0.0), ("speculative_retry", "99.0PERCENTILE"),
            ("compaction_strategy_class", "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy"), ("compaction_strategy_options", "{}"),
            ("min_compaction_threshold", 4), ("max_compaction_threshold", 32),
            ("compression_parameters", "{\"sstable_compression\":\"org.apache.cassandra.io.compress.LZ4Compressor\"}"),
            ("caching", "{\"keys\":\"ALL\", \"rows_per_partition\":\"NONE\"}"), ("is_dense", false),
            ("comparator", $"{M}CompositeType({M}ReversedType({M}TimeUUIDType),{M}Int32Type,{M}UTF8Type)"));
        SchemaRow Column(string name, string kind, int? index, string validator, string? indexName = null, string? indexType = null, string? indexOptions = null)
            => Row(("keyspace_name", "shop"), ("columnfamily_name", "events"), ("column_name", name), ("type", kind), ("component_index", index),
                ("validator", validator), ("index_name", indexName), ("index_type", indexType), ("index_options", indexOptions));
        var columns = new[]
        {
            Column("day", "partition_key", 1, M + "Int32Type"),
            Column("tenant", "partition_key", 0, M + "UTF8Type"),
            Column("seq", "clustering_key", 1, M + "Int32Type"),
            Column("at", "clustering_key", 0, $"{M}ReversedType({M}TimeUUIDType)"),
            Column("owner", "static", 2, M + "UTF8Type"),
            Column("payload", "regular", 2, M + "UTF8Type", "events_payload", "COMPOSITES", "{}"),
            Column("scores", "regular", 2, $"{M}MapType({M}UTF8Type,{M}Int32Type)", "events_score_keys", "COMPOSITES", "{\"index_keys\": \"\"}"),
            Column("home", "regular", 2, $"{M}FrozenType({M}UserType(shop,61646472657373,737472656574:{M}UTF8Type))"),
        };
        var type = Row(("keyspace_name", "shop"), ("type_name", "address"), ("field_names", new List<string> { "street" }), ("field_types", new List<string> { M + "UTF8Type" }));

        var metadata = SchemaParserV2.Instance.MapKeyspace(keyspace, [table], columns, [type], []);

        Assert.Equal("shop", metadata.Name);
        Assert.True(metadata.DurableWrites);
        Assert.Equal("org.apache.cassandra.locator.SimpleStrategy", metadata.ReplicationStrategy);
        Assert.Equal("1", metadata.ReplicationOptions["replication_factor"]);
        var address = Assert.Single(metadata.UserTypes);
        Assert.Equal(CqlType.Udt("shop", "address", [new("street", CqlType.Text)]), address.Type);

        var events = Assert.Single(metadata.Tables);
        Assert.Same(events, metadata.GetTable("events"));
        Assert.Equal(["tenant", "day"], events.PartitionKey.Select(c => c.Name));
        Assert.Equal(["at", "seq"], events.ClusteringColumns.Select(c => c.Name));
        Assert.Equal([ClusteringOrder.Descending, ClusteringOrder.Ascending], events.ClusteringColumns.Select(c => c.ClusteringOrder));
        Assert.Equal(["tenant", "day", "at", "seq", "home", "owner", "payload", "scores"], events.Columns.Select(c => c.Name));
        Assert.Equal("owner", Assert.Single(events.StaticColumns).Name);
        Assert.Equal(CqlType.Timeuuid, events.GetColumn("at")!.Type);
        Assert.True(events.GetColumn("home")!.IsFrozen);
        Assert.Equal(address.Type, events.GetColumn("home")!.Type);
        Assert.Equal(ColumnKind.Regular, events.GetColumn("payload")!.Kind);

        Assert.Equal(["events_payload", "events_score_keys"], events.Indexes.Select(i => i.Name));
        Assert.Equal("payload", events.Indexes[0].Target);
        Assert.Equal("keys(scores)", events.Indexes[1].Target);
        Assert.Equal(IndexKind.Composites, events.Indexes[1].Kind);

        Assert.Equal("event log", events.Options.Comment);
        Assert.Equal(3600, events.Options.DefaultTimeToLive);
        Assert.Equal(7200, events.Options.GcGraceSeconds);
        Assert.Equal(0.01, events.Options.BloomFilterFpChance);
        Assert.Equal("org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy", events.Options.Compaction["class"]);
        Assert.Equal("4", events.Options.Compaction["min_threshold"]);
        Assert.Equal("org.apache.cassandra.io.compress.LZ4Compressor", events.Options.Compression["sstable_compression"]);
        Assert.Equal("ALL", events.Options.Caching["keys"]);
        Assert.Equal("NONE", events.Options.Caching["rows_per_partition"]);
        Assert.False(events.Options.IsCompactStorage);
    }

    [Fact]
    public void Cassandra_2_compact_table_and_legacy_caching()
    {
        var table = Row(("keyspace_name", "ks"), ("columnfamily_name", "legacy"), ("comparator", M + "UTF8Type"), ("caching", "KEYS_ONLY"));
        var columns = new[]
        {
            Row(("columnfamily_name", "legacy"), ("column_name", "k"), ("type", "partition_key"), ("component_index", null), ("validator", M + "BytesType")),
            Row(("columnfamily_name", "legacy"), ("column_name", ""), ("type", "compact_value"), ("component_index", null), ("validator", M + "BytesType")),
        };

        var legacy = SchemaParserV2.Instance.MapTable("ks", table, columns, [], _ => null);

        Assert.True(legacy.Options.IsCompactStorage);
        Assert.Equal("k", Assert.Single(legacy.Columns).Name);
        Assert.Equal(0, legacy.PartitionKey[0].Position);
        Assert.Equal("ALL", legacy.Options.Caching["keys"]);
        Assert.Equal("NONE", legacy.Options.Caching["rows_per_partition"]);
    }

    [Fact]
    public void Cassandra_3_rows()
    {
        var keyspace = Row(("keyspace_name", "shop"), ("durable_writes", false),
            ("replication", new Dictionary<string, string> { ["class"] = "org.apache.cassandra.locator.NetworkTopologyStrategy", ["dc1"] = "3", ["dc2"] = "2" }));
        var table = Row(("keyspace_name", "shop"), ("table_name", "events"), ("comment", "event log"), ("default_time_to_live", 3600), ("gc_grace_seconds", 7200),
            ("bloom_filter_fp_chance", 0.01), ("speculative_retry", "99p"),
            ("compaction", new Dictionary<string, string> { ["class"] = "org.apache.cassandra.db.compaction.TimeWindowCompactionStrategy", ["compaction_window_size"] = "1" }),
            ("compression", new Dictionary<string, string> { ["class"] = "org.apache.cassandra.io.compress.LZ4Compressor", ["chunk_length_in_kb"] = "16" }),
            ("caching", new Dictionary<string, string> { ["keys"] = "ALL", ["rows_per_partition"] = "NONE" }),
            ("flags", new HashSet<string> { "compound" }));
        SchemaRow Column(string name, string kind, int position, string order, string type)
            => Row(("keyspace_name", "shop"), ("table_name", "events"), ("column_name", name), ("kind", kind), ("position", position), ("clustering_order", order), ("type", type));
        var columns = new[]
        {
            Column("tenant", "partition_key", 0, "none", "text"),
            Column("day", "partition_key", 1, "none", "date"),
            Column("at", "clustering", 0, "desc", "timeuuid"),
            Column("seq", "clustering", 1, "asc", "int"),
            Column("owner", "static", -1, "none", "text"),
            Column("home", "regular", -1, "none", "frozen<address>"),
            Column("tags", "regular", -1, "none", "map<text, frozen<list<smallint>>>"),
            Column("where", "regular", -1, "none", "frozen<\"Geo\">"),
        };
        var indexes = new[]
        {
            Row(("keyspace_name", "shop"), ("table_name", "events"), ("index_name", "by_tag"), ("kind", "COMPOSITES"), ("options", new Dictionary<string, string> { ["target"] = "keys(tags)" })),
            Row(("keyspace_name", "shop"), ("table_name", "events"), ("index_name", "by_owner"), ("kind", "CUSTOM"),
                ("options", new Dictionary<string, string> { ["target"] = "owner", ["class_name"] = "org.apache.cassandra.index.sasi.SASIIndex" })),
        };

        // "address" uses "Geo", listed after it: types resolve in dependency order whatever the row order.
        var types = new[]
        {
            Row(("keyspace_name", "shop"), ("type_name", "address"), ("field_names", new List<string> { "street", "at" }), ("field_types", new List<string> { "text", "frozen<\"Geo\">" })),
            Row(("keyspace_name", "shop"), ("type_name", "Geo"), ("field_names", new List<string> { "lat", "lon" }), ("field_types", new List<string> { "double", "double" })),
        };

        var metadata = SchemaParserV3.Instance.MapKeyspace(keyspace, [table], columns, types, indexes);

        Assert.False(metadata.DurableWrites);
        Assert.Equal("org.apache.cassandra.locator.NetworkTopologyStrategy", metadata.ReplicationStrategy);
        Assert.Equal(new Dictionary<string, string> { ["dc1"] = "3", ["dc2"] = "2" }, metadata.ReplicationOptions);
        Assert.Equal(["Geo", "address"], metadata.UserTypes.Select(t => t.Name));
        var geo = metadata.GetUserType("Geo")!.Type;
        Assert.Equal(CqlType.Udt("shop", "address", [new("street", CqlType.Text), new("at", geo)]), metadata.GetUserType("address")!.Type);

        var events = Assert.Single(metadata.Tables);
        Assert.Equal(["tenant", "day"], events.PartitionKey.Select(c => c.Name));
        Assert.Equal([CqlType.Text, CqlType.Date], events.PartitionKey.Select(c => c.Type));
        Assert.Equal([1], events.PartitionKey.Skip(1).Select(c => c.Position));
        Assert.Equal(["at", "seq"], events.ClusteringColumns.Select(c => c.Name));
        Assert.Equal([ClusteringOrder.Descending, ClusteringOrder.Ascending], events.ClusteringColumns.Select(c => c.ClusteringOrder));
        Assert.Equal("owner", Assert.Single(events.StaticColumns).Name);
        Assert.Equal(0, events.StaticColumns[0].Position);
        Assert.True(events.GetColumn("home")!.IsFrozen);
        Assert.Equal(metadata.GetUserType("address")!.Type, events.GetColumn("home")!.Type);
        Assert.Equal(geo, events.GetColumn("where")!.Type);
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.List(CqlType.Smallint)), events.GetColumn("tags")!.Type);
        Assert.False(events.GetColumn("tags")!.IsFrozen);

        Assert.Equal(["by_owner", "by_tag"], events.Indexes.Select(i => i.Name));
        Assert.Equal(IndexKind.Custom, events.Indexes[0].Kind);
        Assert.Equal("org.apache.cassandra.index.sasi.SASIIndex", events.Indexes[0].CustomClassName);
        Assert.Equal("keys(tags)", events.Indexes[1].Target);

        Assert.Equal("event log", events.Options.Comment);
        Assert.Equal(3600, events.Options.DefaultTimeToLive);
        Assert.Equal(7200, events.Options.GcGraceSeconds);
        Assert.Equal("99p", events.Options.SpeculativeRetry);
        Assert.Equal("1", events.Options.Compaction["compaction_window_size"]);
        Assert.Equal("16", events.Options.Compression["chunk_length_in_kb"]);
        Assert.Equal("NONE", events.Options.Caching["rows_per_partition"]);
        Assert.False(events.Options.IsCompactStorage);
    }

    [Fact]
    public void Cassandra_2_keys_from_aliases_when_schema_columns_has_none()
    {
        // As 2.1 describes system.local and pre-CQL 3 tables: no key rows in schema_columns.
        var table = Row(("keyspace_name", "system"), ("columnfamily_name", "local"), ("key_aliases", "[\"key\"]"), ("key_validator", M + "UTF8Type"),
            ("column_aliases", "[]"), ("comparator", $"{M}CompositeType({M}UTF8Type,{M}ColumnToCollectionType(746f6b656e73:{M}SetType({M}UTF8Type)))"));
        var local = SchemaParserV2.Instance.MapTable("system", table, [], [], _ => null);
        Assert.Equal("key", Assert.Single(local.PartitionKey).Name);
        Assert.Equal(CqlType.Text, local.PartitionKey[0].Type);
        Assert.Empty(local.ClusteringColumns);

        var wide = Row(("columnfamily_name", "wide"), ("key_aliases", "[\"a\"]"), ("key_validator", $"{M}CompositeType({M}UTF8Type,{M}Int32Type)"),
            ("column_aliases", "[\"c\"]"), ("comparator", $"{M}ReversedType({M}LongType)"), ("is_dense", true));
        var legacy = SchemaParserV2.Instance.MapTable("ks", wide, [], [], _ => null);
        Assert.Equal(["a", "key2"], legacy.PartitionKey.Select(c => c.Name));
        Assert.Equal([CqlType.Text, CqlType.Int], legacy.PartitionKey.Select(c => c.Type));
        var c = Assert.Single(legacy.ClusteringColumns);
        Assert.Equal(CqlType.Bigint, c.Type);
        Assert.Equal(ClusteringOrder.Descending, c.ClusteringOrder);
        Assert.True(legacy.Options.IsCompactStorage);
    }

    [Theory]
    [InlineData("2.1.0", typeof(SchemaParserV2))]
    [InlineData("2.2.19", typeof(SchemaParserV2))]
    [InlineData("3.0.29", typeof(SchemaParserV3))]
    [InlineData("3.11.4", typeof(SchemaParserV3))]
    [InlineData("5.0.2", typeof(SchemaParserV3))]
    [InlineData("unknown", null)]
    [InlineData(null, null)]
    public void The_release_version_chooses_the_schema_tables(string? version, Type? expected)
        => Assert.Equal(expected, SchemaParser.ForReleaseVersion(version)?.GetType());
}
