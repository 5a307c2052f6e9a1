using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>time: 8-byte nanoseconds since midnight, 0 to 86399999999999 (v5 §6.17).</summary>
public class TimeCodecTests
{
    [Fact]
    public void Round_trips()
    {
        RoundTrip(TimeOnly.MinValue, CqlType.Time, "0000000000000000");
        RoundTrip(new TimeOnly(12, 34, 56, 789), CqlType.Time, "000029327B048F40");
    }

    [Fact]
    public void Nanoseconds_and_TimeSpan()
    {
        Assert.Equal(86_399_999_999_999L, Read<long>("00004E94914EFFFF", CqlType.Time));
        Assert.Equal("00004E94914EFFFF", Encode(86_399_999_999_999L, CqlType.Time));
        Assert.Equal(new TimeSpan(0, 12, 34, 56, 789), Read<TimeSpan>("000029327B048F40", CqlType.Time));
        Assert.Equal("000029327B048F40", Encode(new TimeSpan(0, 12, 34, 56, 789), CqlType.Time));
    }

    [Fact]
    public void Out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode(TimeSpan.FromDays(1), CqlType.Time));
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode(-1L, CqlType.Time));
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("00004E94914F0000", CqlType.Time));
    }
}
