using System.Collections;
using System.Collections.Immutable;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>map: [int] n then n key/value pairs, each two [bytes] (v5 §6.13).</summary>
public class MapCodecTests
{
    private const string A1 = "00000001" + "00000001" + "61" + "00000004" + "00000001";

    [Fact]
    public void Map_of_text_to_int()
    {
        var type = CqlType.Map(CqlType.Text, CqlType.Int);
        Assert.Equal(A1, Encode(new Dictionary<string, int> { ["a"] = 1 }, type));
        var read = Assert.IsType<Dictionary<string, int>>(ReadObject(A1, type));
        Assert.Equal(1, read["a"]);
    }

    [Fact]
    public void Written_from_any_dictionary_shape()
    {
        var type = CqlType.Map(CqlType.Text, CqlType.Int);
        Assert.Equal(A1, Encode(ImmutableDictionary<string, int>.Empty.Add("a", 1), type));
        Assert.Equal(A1, Encode(new Hashtable { ["a"] = 1 }, type));
        Assert.Equal(A1, Encode(new[] { KeyValuePair.Create("a", 1) }, type));
        Assert.Equal("00000000", Encode(new Dictionary<string, int>(), type));
    }

    [Fact]
    public void Read_as_requested_shapes()
    {
        var type = CqlType.Map(CqlType.Text, CqlType.Int);
        Assert.Equal(1L, Read<IDictionary<string, long>>(A1, type)["a"]);
        Assert.Equal(1, Read<IReadOnlyDictionary<string, int>>(A1, type)["a"]);
        Assert.Equal(1, Read<SortedDictionary<string, int>>(A1, type)["a"]);
        Assert.Equal(1, Read<IDictionary>(A1, type)["a"]);
        Assert.Equal(1, Read<IEnumerable<KeyValuePair<string, int>>>(A1, type).Single().Value);
        Assert.Throws<InvalidCastException>(() => Read<List<int>>(A1, type));
    }

    [Fact]
    public void Null_values_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode(new Dictionary<string, string?> { ["a"] = null }, CqlType.Map(CqlType.Text, CqlType.Text)));
        Assert.Contains("cannot hold null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_with_frozen_list_values()
    {
        var type = CqlType.Map(CqlType.Int, CqlType.List(CqlType.Text));
        var hex = "00000001" + "00000004" + "00000007" + "0000000D" + "00000001" + "00000005" + "68656C6C6F";
        Assert.Equal(hex, Encode(new Dictionary<int, string[]> { [7] = ["hello"] }, type));
        Assert.Equal(["hello"], Assert.IsType<Dictionary<int, List<string>>>(ReadObject(hex, type))[7]);
    }
}
