using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>text: UTF-8 (v5 §6.16); ascii: bytes 0..127 (§6.1).</summary>
public class TextCodecTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("abc", "616263")]
    [InlineData("é€😀", "C3A9E282ACF09F9880")]
    public void Text_is_utf8(string value, string hex) => RoundTrip(value, CqlType.Text, hex);

    [Fact]
    public void Ascii_round_trips() => RoundTrip("Hi!", CqlType.Ascii, "486921");

    [Fact]
    public void Ascii_refuses_non_ascii_with_the_character_and_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode("caf\u00e9", CqlType.Ascii));
        Assert.Contains("U+00E9", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("text column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_text_is_a_value_not_null()
    {
        Assert.Equal("00000000", EncodeValue(string.Empty, CqlType.Text));
        Assert.Equal(string.Empty, Read<string>(string.Empty, CqlType.Text));
        Assert.Equal(string.Empty, Read<string?>(string.Empty, CqlType.Ascii));
    }

    [Fact]
    public void Char_arrays_and_long_strings()
    {
        Assert.Equal("616263", Encode("abc".ToCharArray(), CqlType.Text));
        Assert.Equal("abc".ToCharArray(), Read<char[]>("616263", CqlType.Text));
        var big = new string('\u20AC', 100_000);
        Assert.Equal(big, Read<string>(Encode(big, CqlType.Text), CqlType.Text));
    }

    [Fact]
    public void Other_types_are_refused() => Assert.Throws<InvalidCastException>(() => Encode(12, CqlType.Text));
}
