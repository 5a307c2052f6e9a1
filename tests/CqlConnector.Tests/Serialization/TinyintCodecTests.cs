using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>tinyint: 1-byte two's complement (v5 §6.20).</summary>
public class TinyintCodecTests
{
    [Theory]
    [InlineData((sbyte)0, "00")]
    [InlineData((sbyte)-1, "FF")]
    [InlineData(sbyte.MaxValue, "7F")]
    [InlineData(sbyte.MinValue, "80")]
    public void Round_trips(sbyte value, string hex) => RoundTrip(value, CqlType.Tinyint, hex);

    [Fact]
    public void A_byte_is_refused_because_tinyint_is_signed()
    {
        var e = Assert.Throws<InvalidCastException>(() => Encode((byte)1, CqlType.Tinyint));
        Assert.Contains("sbyte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_widen() => Assert.Equal((short)-128, Read<short>("80", CqlType.Tinyint));
}
