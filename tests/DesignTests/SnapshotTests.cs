using Cassandra.TestInfrastructure;

using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Attributes;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>Migration snapshots write the provider's fluent API, not raw annotations.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task Snapshot_uses_the_fluent_api_for_every_table_and_column_setting()
    {
        var endpoint = await CassandraServer.GetAsync();
        await using var context = new OptionsContext(
            new DbContextOptionsBuilder<OptionsContext>().UseCassandra($"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace=snapshot_test").Options);
        var model = context.GetService<IDesignTimeModel>().Model;
        var snapshot = DesignServices.GenerateSnapshot(context, "OptionsContextModelSnapshot");

        Assert.Contains("HasPartitionKey(b, new[] { \"Tenant\", \"Day\" })", snapshot);
        Assert.Contains("HasClusteringOrder(b.Property<DateTime>(\"At\"), ClusteringOrder.Descending)", snapshot);
        Assert.Contains("IsStaticColumn(b.Property<string>(\"Site\"))", snapshot);
        Assert.Contains("UseIncrementalCollectionUpdates(b.Property<HashSet<string>>(\"Tags\"))", snapshot);
        Assert.Contains("HasDefaultTimeToLive(b, new TimeSpan(0, 1, 0, 0, 0))", snapshot);
        Assert.Contains("HasGcGraceSeconds(b, 3600)", snapshot);
        Assert.Contains("HasCompaction(b, \"LeveledCompactionStrategy\", new[] { (\"sstable_size_in_mb\", \"160\") })", snapshot);
        Assert.Contains("HasCaching(b, \"ALL\", \"10\")", snapshot);
        Assert.Contains("UseInsertIfNotExists(b)", snapshot);
        Assert.Contains("IsPartitionKeyColumn(b.Property<string>(\"Owner\"))", snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:PartitionKey", snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:Compaction", snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:Caching", snapshot);
        Assert.Contains(
            "CassandraModelBuilderExtensions.HasKeyspaceReplication(modelBuilder, \"snapshot_test\", \"NetworkTopologyStrategy\", new[] { (\"dc1\", 3), (\"dc2\", 2) });",
            snapshot);
        Assert.Contains("CassandraModelBuilderExtensions.HasKeyspaceDurableWrites(modelBuilder, \"snapshot_test\", false);", snapshot);
        Assert.Contains("CassandraModelBuilderExtensions.HasKeyspaceReplication(modelBuilder, \"archive\", \"SimpleStrategy\", new[] { (\"replication_factor\", 2) });", snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:Replication", snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:DurableWrites", snapshot);
    }

    private sealed class Reading
    {
        public string Tenant { get; set; } = "";

        public int Day { get; set; }

        public DateTime At { get; set; }

        public string? Site { get; set; }

        public HashSet<string>? Tags { get; set; }
    }

    private sealed class Note
    {
        [PartitionKey]
        public string Owner { get; set; } = "";

        public string? Text { get; set; }
    }

    private sealed class OptionsContext(DbContextOptions<OptionsContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Reading>(e =>
            {
                e.HasKey(r => new { r.Tenant, r.Day, r.At });
                e.HasPartitionKey(r => new { r.Tenant, r.Day });
                e.Property(r => r.At).HasClusteringOrder(ClusteringOrder.Descending);
                e.Property(r => r.Site).IsStaticColumn();
                e.Property(r => r.Tags).UseIncrementalCollectionUpdates();
                e.HasDefaultTimeToLive(TimeSpan.FromHours(1));
                e.HasGcGraceSeconds(3600);
                e.HasCompaction("LeveledCompactionStrategy", ("sstable_size_in_mb", "160"));
                e.HasCaching("ALL", "10");
                e.UseInsertIfNotExists();
            });
            modelBuilder.Entity<Note>().HasKey(n => n.Owner);
            modelBuilder.HasKeyspaceReplication(CassandraReplication.NetworkTopologyStrategy(("dc1", 3), ("dc2", 2)));
            modelBuilder.HasKeyspaceDurableWrites(false);
            modelBuilder.HasKeyspaceReplication("archive", "SimpleStrategy", ("replication_factor", 2));
        }
    }
}
