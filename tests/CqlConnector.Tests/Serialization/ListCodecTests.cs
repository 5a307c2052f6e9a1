using System.Collections;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>list: [int] n then n elements, each as [bytes] (v5 §6.12).</summary>
public class ListCodecTests
{
    private const string OneTwo = "00000002" + "00000004" + "00000001" + "00000004" + "00000002";

    [Fact]
    public void List_of_int()
    {
        Assert.Equal(OneTwo, Encode(new List<int> { 1, 2 }, CqlType.List(CqlType.Int)));
        Assert.Equal(OneTwo, Encode(new[] { 1, 2 }, CqlType.List(CqlType.Int)));
        var read = ReadObject(OneTwo, CqlType.List(CqlType.Int));
        Assert.IsType<List<int>>(read);
        Assert.Equal([1, 2], (List<int>)read);
    }

    [Fact]
    public void Empty_list()
    {
        Assert.Equal("00000000", Encode(new List<string>(), CqlType.List(CqlType.Text)));
        Assert.Empty((List<string>)ReadObject("00000000", CqlType.List(CqlType.Text)));
        Assert.Empty(Read<List<string>>(string.Empty, CqlType.List(CqlType.Text)));
    }

    [Fact]
    public void Requested_shapes_and_element_types()
    {
        var type = CqlType.List(CqlType.Int);
        Assert.Equal(new long[] { 1, 2 }, Read<long[]>(OneTwo, type));
        Assert.Equal([1L, 2L], Read<List<long>>(OneTwo, type));
        Assert.Equal([1, 2], Read<IList<int>>(OneTwo, type));
        Assert.Equal([1, 2], Read<IReadOnlyList<int>>(OneTwo, type));
        Assert.Equal([1, 2], Read<IEnumerable<int>>(OneTwo, type));
        Assert.Equal([1, 2], Read<ICollection<int>>(OneTwo, type));
        Assert.IsType<HashSet<int>>(Read<ISet<int>>(OneTwo, type));
        Assert.Equal([1, 2], Read<IList>(OneTwo, type).Cast<int>());
        Assert.Equal([1, 2], Read<object[]>(OneTwo, type).Cast<int>());
        Assert.Throws<InvalidCastException>(() => Read<Dictionary<int, int>>(OneTwo, type));
        Assert.Throws<InvalidCastException>(() => Read<List<short>>(OneTwo, type));
    }

    [Fact]
    public void Elements_are_converted_on_write()
    {
        Assert.Equal(OneTwo, Encode(new short[] { 1, 2 }, CqlType.List(CqlType.Int)));
        Assert.Equal(OneTwo, Encode(new List<object> { 1, (short)2 }, CqlType.List(CqlType.Int)));
    }

    [Fact]
    public void Null_elements_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode(new List<string?> { "a", null }, CqlType.List(CqlType.Text)));
        Assert.Contains("cannot hold null", e.Message, StringComparison.Ordinal);
        Assert.Contains("Element 1", e.Message, StringComparison.Ordinal);
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("00000001FFFFFFFF", CqlType.List(CqlType.Text)));
    }

    [Fact]
    public void Strings_are_not_lists() => Assert.Throws<InvalidCastException>(() => Encode("ab", CqlType.List(CqlType.Text)));

    [Fact]
    public void Announced_count_beyond_the_bytes_is_a_violation()
        => Assert.Throws<CqlProtocolViolationException>(() => ReadObject("7FFFFFFF00000004", CqlType.List(CqlType.Int)));

    [Fact]
    public void Nested_list_of_frozen_map_of_text_to_int()
    {
        var type = CqlType.List(CqlType.Map(CqlType.Text, CqlType.Int));
        var value = new List<Dictionary<string, int>> { new() { ["a"] = 1 }, new() };
        var map1 = "00000001" + "00000001" + "61" + "00000004" + "00000001";
        var hex = "00000002" + "00000011" + map1 + "00000004" + "00000000";
        Assert.Equal(hex, Encode(value, type));
        var read = Assert.IsType<List<Dictionary<string, int>>>(ReadObject(hex, type));
        Assert.Equal(2, read.Count);
        Assert.Equal(1, read[0]["a"]);
        Assert.Empty(read[1]);
        Assert.Equal(1L, Read<IReadOnlyList<IReadOnlyDictionary<string, long>>>(hex, type)[0]["a"]);
    }
}
