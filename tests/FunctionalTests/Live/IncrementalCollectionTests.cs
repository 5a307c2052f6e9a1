using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>UseIncrementalCollectionUpdates: collections updated by their changes, so concurrent writers merge.</summary>
public sealed class IncrementalCollectionTests : IAsyncLifetime
{
    private readonly string _keyspace = "t_incremental_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";

    public sealed class Basket
    {
        public Guid Id { get; set; }

        public HashSet<string> Tags { get; set; } = [];

        public Dictionary<string, int> Counts { get; set; } = [];

        public List<int> History { get; set; } = [];
    }

    private sealed class BasketContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Basket> Baskets => Set<Basket>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Basket>(b =>
        {
            b.ToTable("baskets");
            b.Property(x => x.Tags).UseIncrementalCollectionUpdates();
            b.Property(x => x.Counts).UseIncrementalCollectionUpdates();
            b.Property(x => x.History).UseIncrementalCollectionUpdates();
        });
    }

    private BasketContext CreateContext(List<string>? log = null)
    {
        var builder = new DbContextOptionsBuilder().UseCassandra(_connectionString);
        if (log is not null)
        {
            builder.LogTo(log.Add, Microsoft.Extensions.Logging.LogLevel.Information);
        }

        return new BasketContext(builder.Options);
    }

    public async Task InitializeAsync()
    {
        var endpoint = await CassandraServer.GetAsync();
        _connectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={_keyspace}";
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task Two_contexts_changing_one_collection_merge_instead_of_overwriting()
    {
        var id = Guid.NewGuid();
        await using (var setup = CreateContext())
        {
            setup.Baskets.Add(new Basket { Id = id, Tags = ["a", "b"], Counts = new() { ["x"] = 1, ["y"] = 2 }, History = [1, 2] });
            await setup.SaveChangesAsync();
        }

        await using var first = CreateContext();
        await using var second = CreateContext();
        var one = await first.Baskets.SingleAsync(b => b.Id == id);
        var two = await second.Baskets.SingleAsync(b => b.Id == id);

        one.Tags.Add("c");
        one.Tags.Remove("a");
        one.Counts["z"] = 3;
        one.Counts.Remove("x");
        one.History.Add(3);
        var log = new List<string>();
        await using (var logged = CreateContext(log))
        {
            var three = await logged.Baskets.SingleAsync(b => b.Id == id);
            three.Tags.Add("logged");
            await logged.SaveChangesAsync();
        }

        Assert.Contains(log, line => line.Contains("SET \"Tags\" = \"Tags\" + :p0 WHERE"));
        await first.SaveChangesAsync();

        two.Tags.Add("d");
        two.Counts["y"] = 20;
        two.History.Add(4);
        await second.SaveChangesAsync();

        await using var reader = CreateContext();
        var stored = await reader.Baskets.AsNoTracking().SingleAsync(b => b.Id == id);
        Assert.Equal(new HashSet<string> { "b", "c", "d", "logged" }, stored.Tags);
        Assert.Equal(new Dictionary<string, int> { ["y"] = 20, ["z"] = 3 }, stored.Counts);
        Assert.Equal([1, 2, 3, 4], stored.History);
    }

    [Fact]
    public async Task A_list_changed_other_than_at_its_end_is_replaced_whole()
    {
        var id = Guid.NewGuid();
        await using var context = CreateContext();
        var basket = new Basket { Id = id, History = [1, 2, 3] };
        context.Baskets.Add(basket);
        await context.SaveChangesAsync();

        basket.History.RemoveAt(0);
        await context.SaveChangesAsync();

        await using var reader = CreateContext();
        Assert.Equal([2, 3], (await reader.Baskets.AsNoTracking().SingleAsync(b => b.Id == id)).History);
    }

    [Fact]
    public void Incremental_updates_on_a_column_that_is_no_collection_are_rejected_with_the_remedy()
    {
        var options = new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options;
        using var context = new WrongContext(options);
        var error = Assert.Throws<InvalidOperationException>(() => context.Model);
        Assert.Contains("UseIncrementalCollectionUpdates()", error.Message);
        Assert.Contains("no list, set or map", error.Message);
    }

    private sealed class WrongContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Basket>(b =>
            {
                b.Ignore(x => x.Tags).Ignore(x => x.Counts).Ignore(x => x.History);
                b.Property<string>("Name").UseIncrementalCollectionUpdates();
            });
    }
}
