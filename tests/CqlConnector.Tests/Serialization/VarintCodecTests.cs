using System.Numerics;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>varint: minimal two's complement, big-endian (v5 §6.24, whose example table is reproduced here).</summary>
public class VarintCodecTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "01")]
    [InlineData(127, "7F")]
    [InlineData(128, "0080")]
    [InlineData(129, "0081")]
    [InlineData(-1, "FF")]
    [InlineData(-128, "80")]
    [InlineData(-129, "FF7F")]
    public void Spec_examples(long value, string hex) => RoundTrip(new BigInteger(value), CqlType.Varint, hex);

    [Fact]
    public void Large_values_and_integer_writes()
    {
        RoundTrip(BigInteger.Pow(2, 64), CqlType.Varint, "010000000000000000");
        Assert.Equal("00FFFFFFFFFFFFFFFF", Encode(ulong.MaxValue, CqlType.Varint));
        Assert.Equal("80", Encode((sbyte)-128, CqlType.Varint));
        Assert.Equal("0080", Encode(128, CqlType.Varint));
    }

    [Fact]
    public void Reads_as_long_when_it_fits_and_overflows_clearly_otherwise()
    {
        Assert.Equal(-129L, Read<long>("FF7F", CqlType.Varint));
        Assert.Equal(128, Read<int>("0080", CqlType.Varint));
        var e = Assert.Throws<OverflowException>(() => Read<long>("010000000000000000", CqlType.Varint));
        Assert.Contains("BigInteger", e.Message, StringComparison.Ordinal);
    }
}
