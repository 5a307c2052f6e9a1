using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;
using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class StoreSchemaGenerationTests
{
    private static string Script<TContext>(Func<DbContextOptions, TContext> create)
        where TContext : DbContext
    {
        using var context = create(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);
        return context.Database.GenerateCreateScript().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void Composite_partition_key_clustering_order_static_column_and_table_options()
    {
        var script = Script(o => new StoreContext(o));

        Assert.Contains(
            """
            CREATE TABLE IF NOT EXISTS "ks"."readings" (
                "SensorId" uuid,
                "Day" int,
                "At" timestamp,
                "Seq" int,
                "SensorName" text STATIC,
                "Value" double,
                PRIMARY KEY (("SensorId", "Day"), "At", "Seq")
            )
            WITH CLUSTERING ORDER BY ("At" DESC, "Seq" ASC) AND comment = 'sensor readings' AND gc_grace_seconds = 3600 AND compaction = {'class': 'SizeTieredCompactionStrategy', 'min_threshold': 4} AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'};
            """,
            script);
    }

    [Fact]
    public void Keyspace_replication_and_durable_writes()
        => Assert.StartsWith(
            "CREATE KEYSPACE IF NOT EXISTS \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1} AND durable_writes = true;",
            Script(o => new StoreContext(o)));

    [Fact]
    public void Network_topology_replication()
        => Assert.Equal(
            "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}",
            CassandraReplication.NetworkTopologyStrategy(("dc1", 3), ("dc2", 2)).ToCql());

    [Fact]
    public void Counter_ttl_and_index()
    {
        var script = Script(o => new StoreContext(o));

        Assert.Contains("\"Hits\" counter,", script);
        Assert.Contains("WITH default_time_to_live = 2;", script);
        Assert.Contains("CREATE INDEX IF NOT EXISTS ix_notes_tag ON \"ks\".\"notes\" (\"Tag\");", script);
    }

    [Fact]
    public void Every_mapping_of_cassandra_2_1_and_the_udt_created_before_its_table()
    {
        var script = Script(o => new StoreContext(o));

        Assert.Contains(
            """
            CREATE TABLE IF NOT EXISTS "ks"."everything" (
                "Id" uuid,
                "Text" text,
                "Ascii" ascii,
                "Stamp" timeuuid,
                "At" timestamp,
                "AtOffset" timestamp,
                "Flag" boolean,
                "Blob" blob,
                "Int" int,
                "Long" bigint,
                "Float" float,
                "Double" double,
                "Decimal" decimal,
                "Varint" varint,
                "Inet" inet,
                "Mood" int,
                "Tags" list<text>,
                "Scores" list<int>,
                "Lucky" set<int>,
                "Stock" map<text, int>,
                "Pair" frozen<tuple<int, text>>,
                "Home" frozen<"address">,
                "Previous" list<frozen<"address">>,
                PRIMARY KEY (("Id"))
            );
            """,
            script);
        var type = script.IndexOf("CREATE TYPE IF NOT EXISTS \"ks\".\"address\" (\"street\" text, \"zip\" int);", StringComparison.Ordinal);
        Assert.True(type > 0 && type < script.IndexOf("\"ks\".\"everything\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Types_newer_than_cassandra_2_1()
        => Assert.Contains(
            """
            CREATE TABLE IF NOT EXISTS "ks"."modern" (
                "Id" uuid,
                "Day" date,
                "Time" time,
                "Duration" duration,
                "Small" smallint,
                "Tiny" tinyint,
                "Nested" list<frozen<list<int>>>,
                PRIMARY KEY (("Id"))
            );
            """,
            Script(o => new ModernContext(o)));
}
