using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Metadata;

/// <summary>Schema metadata read back from the real node after creating every kind of schema element.</summary>
public sealed class SchemaMetadataLiveTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ExecuteAsync("CREATE TYPE IF NOT EXISTS address (street text, zip int)");
        await fixture.ExecuteAsync("CREATE TYPE IF NOT EXISTS person (name text, home frozen<address>)");
        await fixture.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS events (
                tenant text, day int, at timeuuid, seq int,
                owner text static, payload text, tags set<text>, scores map<text, int>, items list<int>,
                author frozen<person>, pair frozen<tuple<int, text>>,
                PRIMARY KEY ((tenant, day), at, seq))
            WITH CLUSTERING ORDER BY (at DESC, seq ASC)
             AND default_time_to_live = 3600 AND comment = 'event log' AND gc_grace_seconds = 7200
            """);
        await fixture.ExecuteAsync("CREATE INDEX IF NOT EXISTS events_payload ON events (payload)");
        await fixture.ExecuteAsync("CREATE INDEX IF NOT EXISTS events_score_keys ON events (keys(scores))");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS hits (page text PRIMARY KEY, views counter)");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Keyspace_replication_tables_and_types()
    {
        var keyspace = await fixture.DataSource.Session.GetKeyspaceAsync(fixture.Keyspace);

        Assert.NotNull(keyspace);
        Assert.Equal(fixture.Keyspace, keyspace.Name);
        Assert.True(keyspace.DurableWrites);
        Assert.Equal("org.apache.cassandra.locator.SimpleStrategy", keyspace.ReplicationStrategy);
        Assert.Equal("1", keyspace.ReplicationOptions["replication_factor"]);
        Assert.Equal(["events", "hits"], keyspace.Tables.Select(t => t.Name));
        Assert.Equal(["address", "person"], keyspace.UserTypes.Select(t => t.Name));

        var address = CqlType.Udt(fixture.Keyspace, "address", [new("street", CqlType.Text), new("zip", CqlType.Int)]);
        Assert.Equal(address, keyspace.GetUserType("address")!.Type);
        Assert.Equal(CqlType.Udt(fixture.Keyspace, "person", [new("name", CqlType.Text), new("home", address)]), keyspace.GetUserType("person")!.Type);
    }

    [Fact]
    public async Task Table_keys_columns_indexes_and_options()
    {
        var events = await fixture.DataSource.Session.GetTableAsync(fixture.Keyspace, "events");

        Assert.NotNull(events);
        Assert.Equal(fixture.Keyspace, events.Keyspace);
        Assert.Equal(["tenant", "day"], events.PartitionKey.Select(c => c.Name));
        Assert.Equal([0, 1], events.PartitionKey.Select(c => c.Position));
        Assert.Equal([CqlType.Text, CqlType.Int], events.PartitionKey.Select(c => c.Type));
        Assert.Equal(["at", "seq"], events.ClusteringColumns.Select(c => c.Name));
        Assert.Equal([0, 1], events.ClusteringColumns.Select(c => c.Position));
        Assert.Equal([ClusteringOrder.Descending, ClusteringOrder.Ascending], events.ClusteringColumns.Select(c => c.ClusteringOrder));
        Assert.Equal([CqlType.Timeuuid, CqlType.Int], events.ClusteringColumns.Select(c => c.Type));
        Assert.Equal(
            ["tenant", "day", "at", "seq", "author", "items", "owner", "pair", "payload", "scores", "tags"],
            events.Columns.Select(c => c.Name));

        var owner = Assert.Single(events.StaticColumns);
        Assert.Equal("owner", owner.Name);
        Assert.Equal(ColumnKind.Static, owner.Kind);
        Assert.Equal(ColumnKind.Regular, events.GetColumn("payload")!.Kind);
        Assert.Equal(ClusteringOrder.None, events.GetColumn("payload")!.ClusteringOrder);
        Assert.Equal(CqlType.Set(CqlType.Text), events.GetColumn("tags")!.Type);
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.Int), events.GetColumn("scores")!.Type);
        Assert.Equal(CqlType.List(CqlType.Int), events.GetColumn("items")!.Type);
        Assert.False(events.GetColumn("items")!.IsFrozen);
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text), events.GetColumn("pair")!.Type);
        Assert.True(events.GetColumn("pair")!.IsFrozen);
        var author = events.GetColumn("author")!;
        Assert.True(author.IsFrozen);
        Assert.Equal("person", author.Type.Name);
        Assert.Equal(["name", "home"], author.Type.Fields.Select(f => f.Key));

        Assert.Equal(["events_payload", "events_score_keys"], events.Indexes.Select(i => i.Name));
        Assert.Equal("payload", events.Indexes[0].Target);
        Assert.Equal(IndexKind.Composites, events.Indexes[0].Kind);
        Assert.Equal("keys(scores)", events.Indexes[1].Target);

        Assert.Equal(3600, events.Options.DefaultTimeToLive);
        Assert.Equal("event log", events.Options.Comment);
        Assert.Equal(7200, events.Options.GcGraceSeconds);
        Assert.Contains("SizeTieredCompactionStrategy", events.Options.Compaction["class"]);
        Assert.True(events.Options.Caching.ContainsKey("keys"));
        Assert.NotEmpty(events.Options.Compression);
        Assert.False(events.Options.IsCompactStorage);
        Assert.False(events.IsCounterTable);
    }

    [Fact]
    public async Task Counter_table()
    {
        var hits = await fixture.DataSource.Session.GetTableAsync(fixture.Keyspace, "hits");

        Assert.NotNull(hits);
        Assert.Equal("page", Assert.Single(hits.PartitionKey).Name);
        Assert.Empty(hits.ClusteringColumns);
        Assert.Equal(CqlType.Counter, hits.GetColumn("views")!.Type);
        Assert.True(hits.IsCounterTable);
        Assert.Equal(0, hits.Options.DefaultTimeToLive);
        Assert.Equal(string.Empty, hits.Options.Comment);
    }

    [Fact]
    public async Task Missing_keyspace_and_table_read_as_null()
    {
        var session = fixture.DataSource.Session;
        Assert.Null(await session.GetKeyspaceAsync("no_such_keyspace_x"));
        Assert.Null(await session.GetTableAsync(fixture.Keyspace, "no_such_table"));
        Assert.Null(await session.GetTableAsync("it's", "quoted"));
    }

    [Fact]
    public async Task Every_keyspace_including_system()
    {
        var keyspaces = await fixture.DataSource.Session.GetKeyspacesAsync();

        Assert.Contains(keyspaces, k => k.Name == fixture.Keyspace);
        var system = Assert.Single(keyspaces, k => k.Name == "system");
        Assert.Equal("org.apache.cassandra.locator.LocalStrategy", system.ReplicationStrategy);
        var local = system.GetTable("local");
        Assert.NotNull(local);
        Assert.Equal("key", Assert.Single(local.PartitionKey).Name);
    }
}
