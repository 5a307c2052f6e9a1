using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>tuple: each component as [bytes], null as length -1 (v5 §6.21).</summary>
public class TupleCodecTests
{
    private static readonly CqlType IntText = CqlType.Tuple(CqlType.Int, CqlType.Text);
    private const string OneA = "00000004" + "00000001" + "00000001" + "61";
    private const string NullA = "FFFFFFFF" + "00000001" + "61";

    [Fact]
    public void Tuple_of_int_and_text()
    {
        Assert.Equal(OneA, Encode((1, "a"), IntText));
        Assert.Equal(OneA, Encode(Tuple.Create(1, "a"), IntText));
        Assert.Equal(OneA, Encode(new object[] { 1, "a" }, IntText));
        Assert.Equal(Tuple.Create<int?, string>(1, "a"), ReadObject(OneA, IntText));
        Assert.Equal((1, "a"), Read<(int, string)>(OneA, IntText));
        Assert.Equal((1L, "a"), Read<ValueTuple<long, string>>(OneA, IntText));
        Assert.Equal(Tuple.Create(1, "a"), Read<Tuple<int, string>>(OneA, IntText));
        Assert.Equal(new object[] { 1, "a" }, Read<object[]>(OneA, IntText));
    }

    [Fact]
    public void Null_component()
    {
        Assert.Equal(NullA, Encode(((int?)null, "a"), IntText));
        Assert.Equal(NullA, Encode(new object?[] { null, "a" }, IntText));
        Assert.Equal(Tuple.Create<int?, string>(null, "a"), ReadObject(NullA, IntText));
        Assert.Equal(((int?)null, "a"), Read<(int?, string)>(NullA, IntText));
        var e = Assert.Throws<InvalidCastException>(() => Read<(int, string)>(NullA, IntText));
        Assert.Contains("int?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arity_must_match()
    {
        Assert.Throws<ArgumentException>(() => Encode((1, "a", 2), IntText));
        Assert.Throws<InvalidCastException>(() => Read<(int, string, int)>(OneA, IntText));
    }

    [Fact]
    public void Nested_tuple_and_many_components()
    {
        var nested = CqlType.Tuple(CqlType.Int, CqlType.Tuple(CqlType.Boolean));
        var hex = "00000004" + "00000002" + "00000005" + "00000001" + "01";
        Assert.Equal(hex, Encode((2, ValueTuple.Create(true)), nested));
        Assert.Equal(Tuple.Create<int?, Tuple<bool?>>(2, Tuple.Create<bool?>(true)), ReadObject(hex, nested));

        var eight = CqlType.Tuple(Enumerable.Repeat(CqlType.Tinyint, 8).ToArray());
        var bytes = Encode((sbyte)1, CqlType.Tinyint);
        var eightHex = string.Concat(Enumerable.Repeat("0000000101", 8));
        Assert.Equal(eightHex, Encode(((sbyte)1, (sbyte)1, (sbyte)1, (sbyte)1, (sbyte)1, (sbyte)1, (sbyte)1, (sbyte)1), eight));
        Assert.Equal("01", bytes);
        Assert.Equal(Enumerable.Repeat((object)(sbyte)1, 8), (object[])ReadObject(eightHex, eight));
    }
}
