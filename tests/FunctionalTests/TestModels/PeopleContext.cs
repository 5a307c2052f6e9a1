using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

public class PeopleContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Person>().ToTable("people");

    /// <summary>A context on a keyspace that is never connected to: CQL generation only.</summary>
    public static PeopleContext ForGeneration(string keyspace = "ks")
        => new(new DbContextOptionsBuilder().UseCassandra($"Contact Points=127.0.0.1;Keyspace={keyspace}").Options);
}
