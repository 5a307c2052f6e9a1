using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>
/// UseIncrementalCollectionUpdates on collections whose elements go through a value converter (enums): the changes are
/// written as for any element type, with the converter applied to the elements appended and removed.
/// </summary>
public class IncrementalCollectionGenerationTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000003");

    public enum Shade
    {
        Light,
        Dark,
        Bright,
    }

    public sealed class Swatch
    {
        public Guid Id { get; set; }

        public HashSet<Shade> Set { get; set; } = [];

        public List<Shade> List { get; set; } = [];

        public Dictionary<string, Shade> Map { get; set; } = [];

        public Dictionary<Shade, int> Keys { get; set; } = [];

        public List<Shade> Names { get; set; } = [];
    }

    private sealed class SwatchContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Swatch>(b =>
        {
            b.ToTable("swatches");
            b.Property(x => x.Set).UseIncrementalCollectionUpdates();
            b.Property(x => x.List).UseIncrementalCollectionUpdates();
            b.Property(x => x.Map).UseIncrementalCollectionUpdates();
            b.Property(x => x.Keys).UseIncrementalCollectionUpdates();
            b.Property(x => x.Names)
                .HasConversion(
                    new ValueConverter<List<Shade>, List<string>>(v => v.Select(s => s.ToString()).ToList(), v => v.Select(Enum.Parse<Shade>).ToList()),
                    new ValueComparer<List<Shade>>((a, c) => a!.SequenceEqual(c!), v => v.Count, v => v.ToList()))
                .HasColumnType("list<text>")
                .UseIncrementalCollectionUpdates();
        });
    }

    private static Swatch Changed(SwatchContext context)
    {
        var swatch = new Swatch
        {
            Id = Id,
            Set = [Shade.Light, Shade.Dark],
            List = [Shade.Dark],
            Map = new() { ["a"] = Shade.Light, ["b"] = Shade.Dark },
            Keys = new() { [Shade.Light] = 1, [Shade.Dark] = 2 },
            Names = [Shade.Light],
        };
        context.Attach(swatch);
        swatch.Set.Remove(Shade.Light);
        swatch.Set.Add(Shade.Bright);
        swatch.List.Add(Shade.Bright);
        swatch.Map["c"] = Shade.Bright;
        swatch.Map.Remove("a");
        swatch.Keys.Remove(Shade.Dark);
        swatch.Keys[Shade.Bright] = 3;
        swatch.Names.Add(Shade.Dark);
        return swatch;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enum_collections_are_updated_by_their_changes_with_the_elements_converted(bool async)
    {
        var capture = new CommandCapture();
        await using var context = new SwatchContext(
            new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").AddInterceptors(capture).Options);
        Changed(context);

        if (async)
        {
            await context.SaveChangesAsync();
        }
        else
        {
            context.SaveChanges();
        }

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal(
            "UPDATE \"ks\".\"swatches\" SET \"Keys\" = \"Keys\" + :p0, \"Keys\"[:p1] = null, \"List\" = \"List\" + :p2, "
            + "\"Map\" = \"Map\" + :p3, \"Map\"[:p4] = null, \"Names\" = \"Names\" + :p5, \"Set\" = \"Set\" + :p6, \"Set\" = \"Set\" - :p7 "
            + "WHERE \"Id\" = :p8",
            text);
        Assert.Equal(new Dictionary<object, object?> { [2] = 3 }, parameters[":p0"]);
        Assert.Equal(1, parameters[":p1"]);
        Assert.Equal(new object[] { 2 }, parameters[":p2"]);
        Assert.Equal(new Dictionary<object, object?> { ["c"] = 2 }, parameters[":p3"]);
        Assert.Equal("a", parameters[":p4"]);
        Assert.Equal(new object[] { "Dark" }, parameters[":p5"]);
        Assert.Equal(new object[] { 2 }, parameters[":p6"]);
        Assert.Equal(new object[] { 0 }, parameters[":p7"]);
        Assert.Equal(Id, parameters[":p8"]);
    }

    [Fact]
    public async Task An_enum_list_changed_other_than_at_its_end_is_replaced_whole_as_its_provider_values()
    {
        var capture = new CommandCapture();
        await using var context = new SwatchContext(
            new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").AddInterceptors(capture).Options);
        var swatch = new Swatch { Id = Id, List = [Shade.Dark] };
        context.Attach(swatch);
        swatch.List.Insert(0, Shade.Bright); // not an append: replaced whole

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"swatches\" SET \"List\" = :p0 WHERE \"Id\" = :p1", text);
        Assert.Equal([2, 1], Assert.IsType<List<int>>(parameters[":p0"]));
    }
}
