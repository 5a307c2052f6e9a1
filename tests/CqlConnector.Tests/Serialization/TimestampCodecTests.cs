using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>timestamp: signed 8-byte milliseconds since the Unix epoch (v5 §6.18).</summary>
public class TimestampCodecTests
{
    [Fact]
    public void Epoch_positive_and_negative()
    {
        RoundTrip(DateTimeOffset.UnixEpoch, CqlType.Timestamp, "0000000000000000");
        RoundTrip(new DateTimeOffset(2001, 9, 9, 1, 46, 40, TimeSpan.Zero), CqlType.Timestamp, "000000E8D4A51000");
        RoundTrip(DateTimeOffset.UnixEpoch.AddMilliseconds(-1), CqlType.Timestamp, "FFFFFFFFFFFFFFFF");
    }

    [Fact]
    public void Offsets_are_normalised_to_utc_and_sub_millisecond_time_is_truncated()
    {
        var local = new DateTimeOffset(1970, 1, 1, 2, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("0000000000000000", Encode(local, CqlType.Timestamp));
        Assert.Equal("0000000000000001", Encode(DateTimeOffset.UnixEpoch.AddTicks(19_999), CqlType.Timestamp));
        Assert.Equal(TimeSpan.Zero, Read<DateTimeOffset>("0000000000000000", CqlType.Timestamp).Offset);
    }

    [Fact]
    public void DateTime_kinds()
    {
        var utc = new DateTime(1970, 1, 1, 0, 0, 1, DateTimeKind.Utc);
        Assert.Equal("00000000000003E8", Encode(utc, CqlType.Timestamp));
        Assert.Equal("00000000000003E8", Encode(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), CqlType.Timestamp));
        Assert.Equal("00000000000003E8", Encode(utc.ToLocalTime(), CqlType.Timestamp));
        var read = Read<DateTime>("00000000000003E8", CqlType.Timestamp);
        Assert.Equal(utc, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Fact]
    public void Raw_milliseconds()
    {
        Assert.Equal("FFFFFFFFFFFFFC18", Encode(-1000L, CqlType.Timestamp));
        Assert.Equal(-1000L, Read<long>("FFFFFFFFFFFFFC18", CqlType.Timestamp));
    }

    [Fact]
    public void Out_of_range_reads_say_to_read_as_long()
    {
        var e = Assert.Throws<OverflowException>(() => ReadObject("7FFFFFFFFFFFFFFF", CqlType.Timestamp));
        Assert.Contains("long", e.Message, StringComparison.Ordinal);
        Assert.Equal(long.MaxValue, Read<long>("7FFFFFFFFFFFFFFF", CqlType.Timestamp));
    }
}
