using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class ModelValidationTests
{
    [Fact]
    public void Sequence_is_rejected()
        => AssertRejected(b => b.HasSequence<long>("numbers"), "no sequences");

    [Fact]
    public void Relationship_is_rejected()
        => AssertRejected(
            b => b.Entity<Order>().HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId),
            "no foreign keys");

    [Fact]
    public void Unique_index_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().HasIndex(c => c.Email).IsUnique(), "cannot enforce uniqueness");

    [Fact]
    public void Concurrency_token_on_a_key_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().Property(c => c.Id).IsConcurrencyToken(), "is a key or counter column");

    [Fact]
    public void Partition_key_outside_the_primary_key_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().HasPartitionKey(nameof(Customer.Email)), "not a property of its primary key");

    [Fact]
    public void Index_over_two_columns_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().HasIndex(c => new { c.Email, c.Id }), "covers one column");

    [Fact]
    public void Static_column_without_clustering_columns_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().Property(c => c.Email).IsStaticColumn(), "has no clustering columns");

    [Fact]
    public void Counter_table_with_a_regular_column_is_rejected()
        => AssertRejected(
            b => b.Entity<Counted>(e =>
            {
                e.Property(c => c.Hits).IsCounter();
                e.Property(c => c.Label);
            }),
            "holds only key and counter columns");

    [Fact]
    public void Composite_key_concurrency_token_and_index_are_accepted()
    {
        using var context = new ModelContext(b => b.Entity<Customer>(e =>
        {
            e.HasKey(c => new { c.Id, c.Email });
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Version);
        }));

        var entityType = context.Model.FindEntityType(typeof(Customer))!;
        Assert.Equal(["Id"], entityType.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["Email"], entityType.GetClusteringKeyProperties().Select(p => p.Name));
    }

    [Fact]
    public void Default_value_is_rejected()
        => AssertRejected(b => b.Entity<Customer>().Property(c => c.Email).HasDefaultValue("x"), "no defaults");

    [Fact]
    public void Integer_key_is_not_store_generated()
    {
        using var context = new ModelContext(b => b.Entity<Numbered>());

        Assert.Equal(
            Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never,
            context.Model.FindEntityType(typeof(Numbered))!.FindPrimaryKey()!.Properties[0].ValueGenerated);
    }

    [Fact]
    public void Missing_keyspace_is_explained()
    {
        using var context = new ModelContext(b => b.Entity<Customer>(), "Contact Points=127.0.0.1");

        var exception = Assert.Throws<InvalidOperationException>(() => context.Model);

        Assert.Contains("No keyspace", exception.Message);
        Assert.Contains("HasDefaultSchema", exception.Message);
    }

    private static void AssertRejected(Action<ModelBuilder> configure, string expected)
    {
        using var context = new ModelContext(b =>
        {
            b.Entity<Customer>();
            configure(b);
        });

        var exception = Assert.Throws<InvalidOperationException>(() => context.Model);
        Assert.Contains(expected, exception.Message);
    }

    private sealed class ModelContext(Action<ModelBuilder> configure, string connectionString = "Contact Points=127.0.0.1;Keyspace=ks")
        : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseCassandra(connectionString).ReplaceService<
                Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, NoModelCaching>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);
    }

    // Each test builds its own model: no caching across tests with different configurations.
    private sealed class NoModelCaching : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }

    private sealed class Customer
    {
        public Guid Id { get; set; }

        public string Email { get; set; } = "";

        public int Version { get; set; }
    }

    private sealed class Counted
    {
        public Guid Id { get; set; }

        public long Hits { get; set; }

        public string? Label { get; set; }
    }

    private sealed class Order
    {
        public Guid Id { get; set; }

        public Guid CustomerId { get; set; }
    }

    private sealed class Numbered
    {
        public int Id { get; set; }
    }
}
