using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

        public HashSet<Color> Colors { get; set; } = [];

        public List<Color> Palette { get; set; } = [];

        public Dictionary<string, Color> ByName { get; set; } = [];

        public List<Color> Labels { get; set; } = [];
    }

    public enum Color
    {
        Red,
        Green,
        Blue,
        Black,
    }

    // Enums written by name (list<text>) through a converter of the whole list; an empty list is read as null.
    internal static readonly ValueConverter<List<Color>, List<string>> ByNameConverter = new(
        v => v.Select(c => c.ToString()).ToList(),
        v => v == null ? new List<Color>() : v.Select(Enum.Parse<Color>).ToList());

    internal static readonly ValueComparer<List<Color>> ListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)),
        v => v.ToList());

    private sealed class BasketContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Basket> Baskets => Set<Basket>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Basket>(b =>
        {
            b.ToTable("baskets");
            b.Property(x => x.Tags).UseIncrementalCollectionUpdates();
            b.Property(x => x.Counts).UseIncrementalCollectionUpdates();
            b.Property(x => x.History).UseIncrementalCollectionUpdates();
            b.Property(x => x.Colors).UseIncrementalCollectionUpdates();
            b.Property(x => x.Palette).UseIncrementalCollectionUpdates();
            b.Property(x => x.ByName).UseIncrementalCollectionUpdates();
            b.Property(x => x.Labels).HasConversion(ByNameConverter, ListComparer).HasColumnType("list<text>").UseIncrementalCollectionUpdates();
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
    public async Task Two_contexts_changing_one_enum_collection_merge_instead_of_overwriting()
    {
        var id = Guid.NewGuid();
        await using (var setup = CreateContext())
        {
            setup.Baskets.Add(new Basket
            {
                Id = id,
                Colors = [Color.Red, Color.Green],
                Palette = [Color.Red],
                ByName = new() { ["sky"] = Color.Blue, ["grass"] = Color.Green },
                Labels = [Color.Black],
            });
            await setup.SaveChangesAsync();
        }

        await using var first = CreateContext();
        await using var second = CreateContext();
        var one = await first.Baskets.SingleAsync(b => b.Id == id);
        var two = await second.Baskets.SingleAsync(b => b.Id == id);

        one.Colors.Add(Color.Blue);
        one.Colors.Remove(Color.Red);
        one.Palette.Add(Color.Green);
        one.ByName["night"] = Color.Black;
        one.ByName.Remove("grass");
        one.Labels.Add(Color.Red);
        var log = new List<string>();
        await using (var logged = CreateContext(log))
        {
            var three = await logged.Baskets.SingleAsync(b => b.Id == id);
            three.Colors.Add(Color.Black);
            await logged.SaveChangesAsync();
        }

        Assert.Contains(log, line => line.Contains("SET \"Colors\" = \"Colors\" + :p0 WHERE"));
        await first.SaveChangesAsync();

        // The second writer saves synchronously: the same incremental statements on the synchronous path.
        two.Colors.Remove(Color.Green);
        two.Palette.Add(Color.Blue);
        two.ByName["sky"] = Color.Red;
        two.Labels.Add(Color.Blue);
        second.SaveChanges();

        await using var reader = CreateContext();
        var stored = await reader.Baskets.AsNoTracking().SingleAsync(b => b.Id == id);
        Assert.Equal(new HashSet<Color> { Color.Blue, Color.Black }, stored.Colors);
        Assert.Equal([Color.Red, Color.Green, Color.Blue], stored.Palette);
        Assert.Equal(new Dictionary<string, Color> { ["sky"] = Color.Red, ["night"] = Color.Black }, stored.ByName);
        Assert.Equal([Color.Black, Color.Red, Color.Blue], stored.Labels);
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
                b.Ignore(x => x.Tags).Ignore(x => x.Counts).Ignore(x => x.History)
                    .Ignore(x => x.Colors).Ignore(x => x.Palette).Ignore(x => x.ByName).Ignore(x => x.Labels);
                b.Property<string>("Name").UseIncrementalCollectionUpdates();
            });
    }
}
