using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>set: the list encoding (v5 §6.14), read as HashSet by default.</summary>
public class SetCodecTests
{
    private const string AB = "00000002" + "00000001" + "61" + "00000001" + "62";

    [Fact]
    public void Set_of_text()
    {
        var type = CqlType.Set(CqlType.Text);
        Assert.Equal(AB, Encode(new SortedSet<string> { "b", "a" }, type));
        var read = Assert.IsType<HashSet<string>>(ReadObject(AB, type));
        Assert.True(read.SetEquals(["a", "b"]));
        Assert.Equal(["a", "b"], Read<string[]>(AB, type));
        Assert.Equal(["a", "b"], Read<List<string>>(AB, type));
        Assert.True(Read<IReadOnlySet<string>>(AB, type).SetEquals(["a", "b"]));
        Assert.IsType<HashSet<string>>(Read<IEnumerable<string>>(AB, type));
    }

    [Fact]
    public void Empty_set() => Assert.Empty(Read<ISet<Guid>>("00000000", CqlType.Set(CqlType.Uuid)));
}
