using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>date: unsigned 4-byte days with the Unix epoch at 2^31 (v5 §6.5: 2^31 is 1970-1-1).</summary>
public class DateCodecTests
{
    [Fact]
    public void Epoch_is_2_to_the_31()
    {
        RoundTrip(new DateOnly(1970, 1, 1), CqlType.Date, "80000000");
        RoundTrip(new DateOnly(1970, 1, 2), CqlType.Date, "80000001");
        RoundTrip(new DateOnly(1969, 12, 31), CqlType.Date, "7FFFFFFF");
        RoundTrip(new DateOnly(2000, 1, 1), CqlType.Date, "80002ACD");
    }

    [Fact]
    public void Raw_and_DateTime()
    {
        Assert.Equal(0x80000000u, Read<uint>("80000000", CqlType.Date));
        Assert.Equal("00000000", Encode(0u, CqlType.Date));
        Assert.Equal("80000001", Encode(new DateTime(1970, 1, 2, 13, 0, 0, DateTimeKind.Local), CqlType.Date));
        Assert.Equal(new DateTime(1970, 1, 2), Read<DateTime>("80000001", CqlType.Date));
    }

    [Fact]
    public void Out_of_range_says_to_read_as_uint()
    {
        // Spec example: 0 is -5877641-06-23, far outside DateOnly.
        var e = Assert.Throws<OverflowException>(() => ReadObject("00000000", CqlType.Date));
        Assert.Contains("uint", e.Message, StringComparison.Ordinal);
    }
}
