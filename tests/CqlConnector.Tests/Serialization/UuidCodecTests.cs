using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>uuid and timeuuid: 16 bytes in RFC 4122 (big-endian) order (v5 §6.19, §6.22).</summary>
public class UuidCodecTests
{
    private static readonly Guid V4 = Guid.Parse("00112233-4455-4677-8899-aabbccddeeff");
    private static readonly Guid V1 = Guid.Parse("a4a70900-24e1-11df-8924-001ff3591711");

    [Fact]
    public void Bytes_are_in_rfc_order()
    {
        RoundTrip(V4, CqlType.Uuid, "00112233445546778899AABBCCDDEEFF");
        RoundTrip(V1, CqlType.Timeuuid, "A4A7090024E111DF8924001FF3591711");
    }

    [Fact]
    public void TimeUuid_is_written_and_read()
    {
        var id = (TimeUuid)V1;
        Assert.Equal("A4A7090024E111DF8924001FF3591711", Encode(id, CqlType.Timeuuid));
        Assert.Equal("A4A7090024E111DF8924001FF3591711", Encode(id, CqlType.Uuid));
        Assert.Equal(id, Read<TimeUuid>("A4A7090024E111DF8924001FF3591711", CqlType.Timeuuid));
        Assert.Equal(V1, Read<Guid>("A4A7090024E111DF8924001FF3591711", CqlType.Timeuuid));
    }

    [Fact]
    public void A_non_time_uuid_is_refused_for_timeuuid()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode(V4, CqlType.Timeuuid));
        Assert.Contains("TimeUuid.NewTimeUuid()", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => Read<TimeUuid>("00112233445546778899AABBCCDDEEFF", CqlType.Uuid));
    }
}
