#pragma warning disable EF1001 // CqlTypeRequirements and the mapping types are the provider's internal API, tested directly.

using EntityFrameworkCore.Cassandra.Storage.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>
/// A column configured as <c>frozen&lt;…&gt;</c> (what scaffolding writes for a frozen collection) keeps the frozen in
/// its DDL: a frozen collection is a different column type (written whole, usable in a primary key) from an unfrozen one.
/// </summary>
public class FrozenColumnTypeTests
{
    [Fact]
    public void Create_table_keeps_a_configured_frozen_collection_and_tuple()
    {
        using var context = new FrozenContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);

        var script = context.Database.GenerateCreateScript().Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains(
            """
            CREATE TABLE IF NOT EXISTS "ks"."frozen_things" (
                "Id" int,
                "Frozen" frozen<list<int>>,
                "FrozenSet" frozen<set<text>>,
                "FrozenMap" frozen<map<text, int>>,
                "Pair" frozen<tuple<int, text>>,
                "Plain" list<int>,
                PRIMARY KEY (("Id"))
            );
            """,
            script);
    }

    [Fact]
    public void Type_mapping_of_a_frozen_store_type_is_frozen()
    {
        using var context = new FrozenContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);
        var entity = context.Model.FindEntityType(typeof(FrozenThing))!;

        Assert.Equal("frozen<list<int>>", entity.FindProperty(nameof(FrozenThing.Frozen))!.GetRelationalTypeMapping().StoreType);
        Assert.Equal("frozen<tuple<int, text>>", entity.FindProperty(nameof(FrozenThing.Pair))!.GetRelationalTypeMapping().StoreType);
        Assert.Equal("list<int>", entity.FindProperty(nameof(FrozenThing.Plain))!.GetRelationalTypeMapping().StoreType);
        Assert.Equal("frozen<map<text, int>>", entity.FindProperty(nameof(FrozenThing.FrozenMap))!.GetRelationalTypeMapping().StoreType);

        // Nested, a frozen collection is not frozen twice.
        var frozen = (CqlCompositeTypeMapping)entity.FindProperty(nameof(FrozenThing.Frozen))!.GetRelationalTypeMapping();
        Assert.Equal("frozen<list<int>>", frozen.NestedStoreType);
    }

    [Fact]
    public void A_frozen_collection_column_needs_cassandra_2_1_3_and_a_frozen_tuple_does_not()
    {
        using var context = new FrozenContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);
        var entity = context.Model.FindEntityType(typeof(FrozenThing))!;

        var missing = CqlTypeRequirements.FindMissing(entity.FindProperty(nameof(FrozenThing.Frozen))!.GetRelationalTypeMapping(), new Version(2, 1, 0));
        Assert.Equal(("a frozen collection column", new Version(2, 1, 3)), missing);
        Assert.Null(CqlTypeRequirements.FindMissing(entity.FindProperty(nameof(FrozenThing.Frozen))!.GetRelationalTypeMapping(), new Version(2, 1, 3)));
        Assert.Null(CqlTypeRequirements.FindMissing(entity.FindProperty(nameof(FrozenThing.Pair))!.GetRelationalTypeMapping(), new Version(2, 1, 0)));
        Assert.Null(CqlTypeRequirements.FindMissing(entity.FindProperty(nameof(FrozenThing.Plain))!.GetRelationalTypeMapping(), new Version(2, 1, 0)));
    }

    public sealed class FrozenThing
    {
        public int Id { get; set; }

        public List<int> Frozen { get; set; } = [];

        public HashSet<string> FrozenSet { get; set; } = [];

        public Dictionary<string, int> FrozenMap { get; set; } = [];

        public (int, string) Pair { get; set; }

        public List<int> Plain { get; set; } = [];
    }

    private sealed class FrozenContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<FrozenThing>(e =>
            {
                e.ToTable("frozen_things");
                e.Property(t => t.Frozen).HasColumnType("frozen<list<int>>");
                e.Property(t => t.FrozenSet).HasColumnType("frozen<set<text>>");
                e.Property(t => t.FrozenMap).HasColumnType("FROZEN<map<text, int>>");
                e.Property(t => t.Pair).HasColumnType("frozen<tuple<int, text>>");
            });
    }
}
