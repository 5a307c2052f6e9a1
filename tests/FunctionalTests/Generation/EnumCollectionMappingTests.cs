using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;
using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>Enums inside lists, sets, maps and tuples are stored as their underlying integers.</summary>
public class EnumCollectionMappingTests
{
    private static readonly IRelationalTypeMappingSource Source
        = PeopleContext.ForGeneration().GetService<IRelationalTypeMappingSource>();

    [Theory]
    [InlineData(typeof(List<Mood>), "list<int>")]
    [InlineData(typeof(Mood[]), "list<int>")]
    [InlineData(typeof(IReadOnlyList<Mood>), "list<int>")]
    [InlineData(typeof(HashSet<Mood>), "set<int>")]
    [InlineData(typeof(ISet<Mood>), "set<int>")]
    [InlineData(typeof(Dictionary<string, Mood>), "map<text, int>")]
    [InlineData(typeof(Dictionary<Mood, int>), "map<int, int>")]
    [InlineData(typeof(IReadOnlyDictionary<Mood, Mood>), "map<int, int>")]
    [InlineData(typeof(ValueTuple<int, Mood>), "frozen<tuple<int, int>>")]
    [InlineData(typeof(Dictionary<string, List<Mood>>), "map<text, frozen<list<int>>>")]
    [InlineData(typeof(List<ValueTuple<Mood, string>>), "list<frozen<tuple<int, text>>>")]
    public void Enum_elements_map_to_their_underlying_integer(Type clrType, string cqlType)
    {
        var mapping = Source.FindMapping(clrType)!;
        Assert.Equal(cqlType, mapping.StoreType);
        Assert.Equal(clrType, mapping.ClrType);
        Assert.NotNull(mapping.Converter);
    }

    [Fact]
    public void Values_convert_to_the_provider_collection_and_back()
    {
        var list = Source.FindMapping(typeof(IReadOnlyList<Mood>))!;
        var provider = list.Converter!.ConvertToProvider(new List<Mood> { Mood.Grumpy, Mood.Calm });
        Assert.Equal([2, 0], Assert.IsType<List<int>>(provider));
        Assert.Equal([Mood.Grumpy, Mood.Calm], Assert.IsType<List<Mood>>(list.Converter.ConvertFromProvider(provider)));

        var array = Source.FindMapping(typeof(Mood[]))!;
        Assert.Equal([Mood.Happy], Assert.IsType<Mood[]>(array.Converter!.ConvertFromProvider(new[] { 1 })));

        var map = Source.FindMapping(typeof(Dictionary<Mood, int>))!;
        var providerMap = Assert.IsType<Dictionary<int, int>>(map.Converter!.ConvertToProvider(new Dictionary<Mood, int> { [Mood.Happy] = 5 }));
        Assert.Equal(5, providerMap[1]);

        // A null column (Cassandra's empty collection) read into a required property stays null instead of failing.
        var fromProvider = (Func<List<int>, IReadOnlyList<Mood>>)list.Converter.ConvertFromProviderExpression.Compile();
        Assert.Null(fromProvider(null!));

        var tuple = Source.FindMapping(typeof(ValueTuple<int, Mood>))!;
        Assert.Equal((7, 2), tuple.Converter!.ConvertToProvider((7, Mood.Grumpy)));
        Assert.Equal((7, Mood.Grumpy), tuple.Converter.ConvertFromProvider((7, 2)));
    }

    [Fact]
    public void Literals_are_of_the_underlying_integers()
    {
        Assert.Equal("[2, 1]", Source.FindMapping(typeof(List<Mood>))!.GenerateSqlLiteral(new List<Mood> { Mood.Grumpy, Mood.Happy }));
        Assert.Equal("{0}", Source.FindMapping(typeof(HashSet<Mood>))!.GenerateSqlLiteral(new HashSet<Mood> { Mood.Calm }));
        Assert.Equal("{'ann': 1}", Source.FindMapping(typeof(Dictionary<string, Mood>))!.GenerateSqlLiteral(new Dictionary<string, Mood> { ["ann"] = Mood.Happy }));
        Assert.Equal("{2: 3}", Source.FindMapping(typeof(Dictionary<Mood, int>))!.GenerateSqlLiteral(new Dictionary<Mood, int> { [Mood.Grumpy] = 3 }));
        Assert.Equal("(4, 2)", Source.FindMapping(typeof(ValueTuple<int, Mood>))!.GenerateSqlLiteral((4, Mood.Grumpy)));
    }

    [Fact]
    public void Comparers_see_changed_elements_and_snapshot_independently()
    {
        var comparer = Source.FindMapping(typeof(List<Mood>))!.Comparer;
        var value = new List<Mood> { Mood.Calm };
        var snapshot = (List<Mood>)comparer.Snapshot(value)!;
        value.Add(Mood.Happy);
        Assert.False(comparer.Equals(value, snapshot));
        Assert.True(comparer.Equals(new List<Mood> { Mood.Calm, Mood.Happy }, value));

        var set = Source.FindMapping(typeof(HashSet<Mood>))!.Comparer;
        Assert.True(set.Equals(new HashSet<Mood> { Mood.Calm, Mood.Happy }, new HashSet<Mood> { Mood.Happy, Mood.Calm }));

        var map = Source.FindMapping(typeof(Dictionary<string, Mood>))!.Comparer;
        var entries = new Dictionary<string, Mood> { ["ann"] = Mood.Calm };
        var mapSnapshot = map.Snapshot(entries);
        entries["ann"] = Mood.Grumpy;
        Assert.False(map.Equals(entries, mapSnapshot));
    }

    [Fact]
    public void Create_table_stores_enum_elements_as_int()
    {
        using var context = new StoreContext(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);
        Assert.Contains(
            """
            CREATE TABLE IF NOT EXISTS "ks"."mood_boards" (
                "Id" uuid,
                "History" list<int>,
                "Week" list<int>,
                "Seen" set<int>,
                "ByPerson" map<text, int>,
                "Counts" map<int, int>,
                "Latest" frozen<tuple<int, int>>,
                PRIMARY KEY (("Id"))
            );
            """,
            context.Database.GenerateCreateScript().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
