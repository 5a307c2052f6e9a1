using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class Animal
{
    public string Zoo { get; set; } = "";

    public string Name { get; set; } = "";
}

public class Dog : Animal
{
    public bool Barks { get; set; }
}

public class ZooContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Animal>(e =>
        {
            e.ToTable("animals");
            e.HasKey(a => new { a.Zoo, a.Name });
            e.HasPartitionKey(a => a.Zoo);
        });
        modelBuilder.Entity<Dog>();
    }
}

public class PartitionKeyInheritanceTests
{
    [Fact]
    public void A_derived_type_has_the_partition_key_configured_on_its_root()
    {
        using var context = new ZooContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=zoo").Options);
        var dog = context.Model.FindEntityType(typeof(Dog))!;
        Assert.Equal(["Zoo"], dog.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["Name"], dog.GetClusteringKeyProperties().Select(p => p.Name));
        Assert.Equal(["Zoo"], dog.GetConfiguredPartitionKey()!);
    }
}
