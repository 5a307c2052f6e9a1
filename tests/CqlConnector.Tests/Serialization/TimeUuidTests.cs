namespace CqlConnector.Tests.Serialization;

/// <summary>TimeUuid: RFC 4122 version-1 layout and Cassandra's timeuuid ordering.</summary>
public class TimeUuidTests
{
    [Fact]
    public void Known_uuid_has_its_rfc_timestamp()
    {
        // 2010-03-01T00:00:00Z is 0x1DF24C561100000 100-ns intervals after 1582-10-15 (RFC 4122 §4.1.4), laid out as
        // time_low 61100000, time_mid 24c5, version 1 + time_hi 1df.
        var id = (TimeUuid)Guid.Parse("61100000-24c5-11df-8924-001ff3591711");
        Assert.Equal(new DateTimeOffset(2010, 3, 1, 0, 0, 0, TimeSpan.Zero), id.Timestamp);
    }

    [Fact]
    public void FromDateTimeOffset_keeps_the_time_to_100ns_and_is_version_1()
    {
        var time = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = TimeUuid.FromDateTimeOffset(time);
        Assert.Equal(time, id.Timestamp);
        Assert.Equal(1, ((Guid)id).Version);
        Assert.Equal(0x8, ((Guid)id).ToByteArray(bigEndian: true)[8] >> 4 & 0xC);
    }

    [Fact]
    public void NewTimeUuid_is_strictly_increasing_within_the_process()
    {
        var previous = TimeUuid.NewTimeUuid();
        for (var i = 0; i < 10_000; i++)
        {
            var next = TimeUuid.NewTimeUuid();
            Assert.True(next > previous);
            Assert.True(next.Timestamp > previous.Timestamp);
            previous = next;
        }

        Assert.InRange(previous.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Orders_by_time_first_then_by_signed_bytes()
    {
        var time = DateTimeOffset.UtcNow;
        var min = TimeUuid.MinValue(time);
        var max = TimeUuid.MaxValue(time);
        var between = TimeUuid.FromDateTimeOffset(time);
        Assert.True(min < between && between < max);
        Assert.True(max < TimeUuid.MinValue(time.AddTicks(1)));
        Assert.Equal(0, between.CompareTo(between));
        Assert.Equal(time, min.Timestamp);
    }

    [Fact]
    public void Guid_conversion_validates_the_version()
    {
        var e = Assert.Throws<InvalidCastException>(() => (TimeUuid)Guid.NewGuid());
        Assert.Contains("version 4", e.Message, StringComparison.Ordinal);
        var id = TimeUuid.NewTimeUuid();
        Assert.Equal(id, (TimeUuid)(Guid)id);
        Assert.Equal(((Guid)id).ToString(), id.ToString());
    }
}
