using System.Numerics;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>int: 4-byte two's complement, big-endian (v5 §6.11).</summary>
public class Int32CodecTests
{
    public enum Color
    {
        Red = 1,
        Blue = 258,
    }

    [Theory]
    [InlineData(0, "00000000")]
    [InlineData(1, "00000001")]
    [InlineData(-1, "FFFFFFFF")]
    [InlineData(int.MaxValue, "7FFFFFFF")]
    [InlineData(int.MinValue, "80000000")]
    [InlineData(0x01020304, "01020304")]
    public void Round_trips(int value, string hex) => RoundTrip(value, CqlType.Int, hex);

    [Fact]
    public void Narrower_integers_and_enums_are_written()
    {
        Assert.Equal("00000007", Encode((short)7, CqlType.Int));
        Assert.Equal("FFFFFFF9", Encode((sbyte)-7, CqlType.Int));
        Assert.Equal("000000FF", Encode((byte)255, CqlType.Int));
        Assert.Equal("0000FFFF", Encode(ushort.MaxValue, CqlType.Int));
        Assert.Equal("00000102", Encode(Color.Blue, CqlType.Int));
    }

    [Fact]
    public void Wider_integers_are_refused_whatever_their_value()
    {
        Assert.Throws<InvalidCastException>(() => Encode(1L, CqlType.Int));
        Assert.Throws<InvalidCastException>(() => Encode(1u, CqlType.Int));
        Assert.Throws<InvalidCastException>(() => Encode(1.0, CqlType.Int));
    }

    [Fact]
    public void Reads_widen()
    {
        Assert.Equal(-2L, Read<long>("FFFFFFFE", CqlType.Int));
        Assert.Equal(-2.0, Read<double>("FFFFFFFE", CqlType.Int));
        Assert.Equal(-2m, Read<decimal>("FFFFFFFE", CqlType.Int));
        Assert.Equal(new BigInteger(-2), Read<BigInteger>("FFFFFFFE", CqlType.Int));
        Assert.Equal(Color.Blue, Read<Color>("00000102", CqlType.Int));
        Assert.Equal(Color.Red, Read<Color?>("00000001", CqlType.Int));
    }

    [Fact]
    public void Narrowing_reads_are_refused()
    {
        Assert.Throws<InvalidCastException>(() => Read<short>("00000001", CqlType.Int));
        Assert.Throws<InvalidCastException>(() => Read<float>("00000001", CqlType.Int));
        Assert.Throws<InvalidCastException>(() => Read<string>("00000001", CqlType.Int));
    }
}
