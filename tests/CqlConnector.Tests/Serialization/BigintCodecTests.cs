using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>bigint and counter: 8-byte two's complement, big-endian (v5 §6.2).</summary>
public class BigintCodecTests
{
    [Theory]
    [InlineData(0L, "0000000000000000")]
    [InlineData(-1L, "FFFFFFFFFFFFFFFF")]
    [InlineData(long.MaxValue, "7FFFFFFFFFFFFFFF")]
    [InlineData(long.MinValue, "8000000000000000")]
    [InlineData(0x0102030405060708L, "0102030405060708")]
    public void Round_trips_as_bigint_and_counter(long value, string hex)
    {
        RoundTrip(value, CqlType.Bigint, hex);
        RoundTrip(value, CqlType.Counter, hex);
    }

    [Fact]
    public void Narrower_integers_are_written()
    {
        Assert.Equal("FFFFFFFFFFFFFFFF", Encode(-1, CqlType.Bigint));
        Assert.Equal("00000000FFFFFFFF", Encode(uint.MaxValue, CqlType.Bigint));
        Assert.Throws<InvalidCastException>(() => Encode(ulong.MaxValue, CqlType.Bigint));
    }

    [Fact]
    public void Reads_as_long_decimal_and_refuses_int()
    {
        Assert.Equal(42L, Read<long>("000000000000002A", CqlType.Counter));
        Assert.Equal(42m, Read<decimal>("000000000000002A", CqlType.Bigint));
        var e = Assert.Throws<InvalidCastException>(() => Read<int>("000000000000002A", CqlType.Bigint));
        Assert.Contains("long", e.Message, StringComparison.Ordinal);
    }
}
