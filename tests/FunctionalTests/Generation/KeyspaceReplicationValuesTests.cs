using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>The plain-values replication overload (what generated code writes) sets the same keyspace DDL.</summary>
public class KeyspaceReplicationValuesTests
{
    [Fact]
    public void Plain_values_give_the_create_keyspace_statement()
    {
        using var context = new ReplicatedContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);

        Assert.StartsWith(
            "CREATE KEYSPACE IF NOT EXISTS \"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2} AND durable_writes = false;",
            context.Database.GenerateCreateScript());
    }

    [Fact]
    public void Create_takes_the_class_by_short_or_java_name_and_checks_simple_strategy()
    {
        Assert.Equal(
            "{'class': 'SimpleStrategy', 'replication_factor': 2}",
            CassandraReplication.Create("org.apache.cassandra.locator.SimpleStrategy", ("replication_factor", 2)).ToCql());
        Assert.Equal(
            CassandraReplication.NetworkTopologyStrategy(("dc1", 3)).ToCql(),
            CassandraReplication.Create("NetworkTopologyStrategy", ("dc1", 3)).ToCql());
        Assert.Equal("{'class': 'com.example.Custom', 'x': 1}", CassandraReplication.Create("com.example.Custom", ("x", 1)).ToCql());
        Assert.Throws<ArgumentException>(() => CassandraReplication.Create("SimpleStrategy", ("dc1", 3)));
        Assert.Throws<ArgumentException>(() => CassandraReplication.Create("SimpleStrategy"));
        Assert.Throws<ArgumentException>(() => CassandraReplication.Create("NetworkTopologyStrategy"));
    }

    [Fact]
    public void An_unusual_replication_annotation_is_written_again_entry_by_entry()
    {
        using var context = new RawReplicationContext(
            "custom", "{ 'class':'com.example.CustomStrategy' ,'mode': 'fast', 'dc1':3, 'note': 'it''s'}");

        Assert.StartsWith(
            "CREATE KEYSPACE IF NOT EXISTS \"custom\" WITH replication = {'class': 'com.example.CustomStrategy', 'mode': 'fast', 'dc1': 3, 'note': 'it''s'};",
            context.Database.GenerateCreateScript());
    }

    [Theory]
    [InlineData("spliced", "{'class': 'SimpleStrategy', 'replication_factor': 1} AND durable_writes = false")]
    [InlineData("bare", "SimpleStrategy")]
    [InlineData("classless", "{'replication_factor': 1}")]
    [InlineData("unquoted", "{'class': SimpleStrategy}")]
    public void A_replication_annotation_that_is_not_a_map_with_a_class_is_refused(string keyspace, string replication)
    {
        // One keyspace per case: the keyspace is part of the model cache key, the annotation is not.
        using var context = new RawReplicationContext(keyspace, replication);

        var message = Assert.Throws<InvalidOperationException>(() => context.Database.GenerateCreateScript()).Message;

        Assert.Contains($"keyspace '{keyspace}'", message, StringComparison.Ordinal);
        Assert.Contains(replication, message, StringComparison.Ordinal);
        Assert.Contains("HasKeyspaceReplication", message, StringComparison.Ordinal);
    }

    public sealed class Row
    {
        public int Id { get; set; }
    }

    private sealed class ReplicatedContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Row>().ToTable("rows");
            modelBuilder
                .HasKeyspaceReplication("ks", "NetworkTopologyStrategy", ("dc1", 3), ("dc2", 2))
                .HasKeyspaceDurableWrites("ks", false);
        }
    }

    private sealed class RawReplicationContext(string keyspace, string replication)
        : DbContext(new DbContextOptionsBuilder().UseCassandra($"Contact Points=127.0.0.1;Keyspace={keyspace}").Options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Row>().ToTable("rows");
            modelBuilder.HasAnnotation("Cassandra:Replication:" + keyspace, replication);
        }
    }
}
