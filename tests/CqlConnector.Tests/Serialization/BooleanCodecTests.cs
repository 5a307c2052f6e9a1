using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>boolean: one byte, 0 false, anything else true (v5 §6.4).</summary>
public class BooleanCodecTests
{
    [Fact]
    public void Round_trips()
    {
        RoundTrip(true, CqlType.Boolean, "01");
        RoundTrip(false, CqlType.Boolean, "00");
    }

    [Fact]
    public void Any_non_zero_byte_is_true() => Assert.True(Read<bool>("02", CqlType.Boolean));

    [Fact]
    public void Only_bool_is_written() => Assert.Throws<InvalidCastException>(() => Encode(1, CqlType.Boolean));
}
