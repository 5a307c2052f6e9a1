using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>smallint: 2-byte two's complement (v5 §6.15).</summary>
public class SmallintCodecTests
{
    [Theory]
    [InlineData((short)0, "0000")]
    [InlineData((short)-1, "FFFF")]
    [InlineData(short.MaxValue, "7FFF")]
    [InlineData(short.MinValue, "8000")]
    [InlineData((short)0x0102, "0102")]
    public void Round_trips(short value, string hex) => RoundTrip(value, CqlType.Smallint, hex);

    [Fact]
    public void Converts()
    {
        Assert.Equal("00FF", Encode((byte)255, CqlType.Smallint));
        Assert.Throws<InvalidCastException>(() => Encode(1, CqlType.Smallint));
        Assert.Equal(-1, Read<int>("FFFF", CqlType.Smallint));
        Assert.Equal(-1f, Read<float>("FFFF", CqlType.Smallint));
    }
}
