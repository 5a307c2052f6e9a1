using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

public class ReadingContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var reading = modelBuilder.Entity<Reading>();
        reading.ToTable("readings");
        reading.HasKey(r => new { r.Sensor, r.Day, r.At, r.Seq });
        reading.HasPartitionKey(r => new { r.Sensor, r.Day });
        reading.Property(r => r.Seq).HasClusteringOrder(ClusteringOrder.Descending);
        reading.HasIndex(r => r.Unit);
        reading.HasIndex(r => r.Tags);
    }

    /// <summary>A context for CQL generation only: the server version is configured, nothing connects.</summary>
    public static ReadingContext ForGeneration(string version = "2.1.0")
        => new(new DbContextOptionsBuilder()
            .UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.ServerVersion(version))
            .Options);
}
