using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>float: IEEE 754 binary32, big-endian (v5 §6.9).</summary>
public class FloatCodecTests
{
    [Theory]
    [InlineData(0f, "00000000")]
    [InlineData(1f, "3F800000")]
    [InlineData(-2.5f, "C0200000")]
    [InlineData(float.PositiveInfinity, "7F800000")]
    public void Round_trips(float value, string hex) => RoundTrip(value, CqlType.Float, hex);

    [Fact]
    public void NaN_round_trips() => Assert.True(float.IsNaN((float)ReadObject(Encode(float.NaN, CqlType.Float), CqlType.Float)));

    [Fact]
    public void Converts()
    {
        Assert.Equal("3F800000", Encode((short)1, CqlType.Float));
        Assert.Throws<InvalidCastException>(() => Encode(1, CqlType.Float));
        Assert.Throws<InvalidCastException>(() => Encode(1.0, CqlType.Float));
        Assert.Equal(-2.5, Read<double>("C0200000", CqlType.Float));
    }
}
