using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Metadata;

public sealed class CqlTypeStringParserTests
{
    private static readonly CqlType Address = CqlType.Udt("shop", "address", [new("street", CqlType.Text)]);
    private static readonly CqlType MixedCase = CqlType.Udt("shop", "Geo Point", [new("x", CqlType.Double)]);

    private static CqlType? Resolve(string name) => name switch
    {
        "address" => Address,
        "Geo Point" => MixedCase,
        _ => null,
    };

    private static SchemaType Parse(string text) => CqlTypeStringParser.Parse(text, Resolve);

    [Theory]
    [InlineData("ascii", CqlTypeCode.Ascii)]
    [InlineData("bigint", CqlTypeCode.Bigint)]
    [InlineData("blob", CqlTypeCode.Blob)]
    [InlineData("boolean", CqlTypeCode.Boolean)]
    [InlineData("counter", CqlTypeCode.Counter)]
    [InlineData("date", CqlTypeCode.Date)]
    [InlineData("decimal", CqlTypeCode.Decimal)]
    [InlineData("double", CqlTypeCode.Double)]
    [InlineData("duration", CqlTypeCode.Duration)]
    [InlineData("float", CqlTypeCode.Float)]
    [InlineData("inet", CqlTypeCode.Inet)]
    [InlineData("int", CqlTypeCode.Int)]
    [InlineData("smallint", CqlTypeCode.Smallint)]
    [InlineData("text", CqlTypeCode.Varchar)]
    [InlineData("varchar", CqlTypeCode.Varchar)]
    [InlineData("time", CqlTypeCode.Time)]
    [InlineData("timestamp", CqlTypeCode.Timestamp)]
    [InlineData("timeuuid", CqlTypeCode.Timeuuid)]
    [InlineData("tinyint", CqlTypeCode.Tinyint)]
    [InlineData("uuid", CqlTypeCode.Uuid)]
    [InlineData("varint", CqlTypeCode.Varint)]
    [InlineData("INT", CqlTypeCode.Int)]
    public void Simple_types(string text, CqlTypeCode code) => Assert.Equal(CqlType.FromCode(code), Parse(text).Type);

    [Fact]
    public void Frozen_collections_nest()
    {
        var parsed = Parse("frozen<map<text, list<int>>>");
        Assert.True(parsed.IsFrozen);
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)), parsed.Type);

        var inner = Parse("map<text, frozen<set<uuid>>>");
        Assert.False(inner.IsFrozen);
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.Set(CqlType.Uuid)), inner.Type);
    }

    [Fact]
    public void Tuples_vectors_and_custom_types()
    {
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text, CqlType.List(CqlType.Double)), Parse("frozen<tuple<int, text, frozen<list<double>>>>").Type);
        Assert.Equal(CqlType.Vector(CqlType.Float, 3), Parse("vector<float, 3>").Type);
        Assert.Equal("org.example.It's", Parse("'org.example.It''s'").Type.CustomClassName);
    }

    [Fact]
    public void User_types_resolve_by_name_quoted_or_not()
    {
        var parsed = Parse("frozen<address>");
        Assert.True(parsed.IsFrozen);
        Assert.Same(Address, parsed.Type);
        Assert.Same(MixedCase, Parse("frozen<\"Geo Point\">").Type);
        Assert.Equal(CqlType.List(Address), Parse("list<frozen<address>>").Type);
    }

    [Fact]
    public void An_unknown_user_type_is_named_in_the_error()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("frozen<nowhere>"));
        Assert.Contains("'nowhere'", ex.Message);
    }

    [Theory]
    [InlineData("map<text>")]
    [InlineData("list<int")]
    [InlineData("frozen<int> x")]
    [InlineData("vector<float, x>")]
    [InlineData("<int>")]
    public void Malformed_types_say_what_is_wrong(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(text));
        Assert.Contains(text, ex.Message);
    }
}
