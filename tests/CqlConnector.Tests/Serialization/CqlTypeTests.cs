using CqlConnector.Serialization;

namespace CqlConnector.Tests.Serialization;

/// <summary>[option] type specifications (v5 §4.2.5.2) and their CQL spelling.</summary>
public class CqlTypeTests
{
    public static TheoryData<CqlType> Types => new()
    {
        CqlType.Int,
        CqlType.Text,
        CqlType.Ascii,
        CqlType.Duration,
        CqlType.List(CqlType.Int),
        CqlType.Set(CqlType.Timeuuid),
        CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)),
        CqlType.Tuple(CqlType.Int, CqlType.Tuple(CqlType.Text, CqlType.Blob)),
        CqlType.Udt("shop", "address", [new("street", CqlType.Text), new("zips", CqlType.Set(CqlType.Int))]),
        CqlType.Vector(CqlType.Float, 3),
        CqlType.Custom("com.example.MyType"),
        CqlType.List(CqlType.Map(CqlType.Text, CqlType.Int)),
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Option_round_trips(CqlType type)
    {
        using var writer = new CqlBufferWriter();
        type.Write(writer);
        var reader = new CqlReader(writer.WrittenSpan);
        Assert.Equal(type, CqlType.Read(ref reader));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Option_bytes_of_a_map()
    {
        using var writer = new CqlBufferWriter();
        CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)).Write(writer);
        Assert.Equal("0021" + "000D" + "0020" + "0009", Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void Duration_and_vector_are_custom_types_on_the_wire()
    {
        using var writer = new CqlBufferWriter();
        CqlType.Vector(CqlType.Float, 3).Write(writer);
        var reader = new CqlReader(writer.WrittenSpan);
        Assert.Equal((ushort)CqlTypeCode.Custom, reader.ReadUInt16());
        Assert.Equal("org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType, 3)", reader.ReadString());
        Assert.Same(CqlType.Duration, CqlType.Custom("org.apache.cassandra.db.marshal.DurationType"));
    }

    [Theory]
    [InlineData("map<text, frozen<list<int>>>")]
    public void ToString_freezes_nested_types(string expected)
        => Assert.Equal(expected, CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)).ToString());

    [Fact]
    public void ToString_of_other_types()
    {
        Assert.Equal("list<frozen<map<text, int>>>", CqlType.List(CqlType.Map(CqlType.Text, CqlType.Int)).ToString());
        Assert.Equal("tuple<int, frozen<tuple<text, blob>>>", CqlType.Tuple(CqlType.Int, CqlType.Tuple(CqlType.Text, CqlType.Blob)).ToString());
        Assert.Equal("vector<float, 3>", CqlType.Vector(CqlType.Float, 3).ToString());
        Assert.Equal("set<frozen<address>>", CqlType.Set(CqlType.Udt("shop", "address", [])).ToString());
        Assert.Equal("text", CqlType.Text.ToString());
        Assert.Equal("timeuuid", CqlType.Timeuuid.ToString());
    }
}
