using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>double: IEEE 754 binary64, big-endian (v5 §6.7).</summary>
public class DoubleCodecTests
{
    [Theory]
    [InlineData(0d, "0000000000000000")]
    [InlineData(1d, "3FF0000000000000")]
    [InlineData(-2.5d, "C004000000000000")]
    [InlineData(double.NegativeInfinity, "FFF0000000000000")]
    public void Round_trips(double value, string hex) => RoundTrip(value, CqlType.Double, hex);

    [Fact]
    public void Converts()
    {
        Assert.Equal("3FF0000000000000", Encode(1, CqlType.Double));
        Assert.Equal("C004000000000000", Encode(-2.5f, CqlType.Double));
        Assert.Throws<InvalidCastException>(() => Encode(1L, CqlType.Double));
        Assert.Throws<InvalidCastException>(() => Encode(1m, CqlType.Double));
        Assert.Throws<InvalidCastException>(() => Read<float>("3FF0000000000000", CqlType.Double));
    }
}
