using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>
/// duration: months, days, nanoseconds as three zig-zag [vint]s (v5 §6.8); [unsigned vint] and [vint] as defined in
/// v5 §3, whose worked example (256 000 → [110]00011 11101000 00000000) is checked below.
/// </summary>
public class DurationCodecTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7F")]
    [InlineData(128UL, "8080")]
    [InlineData(16383UL, "BFFF")]
    [InlineData(16384UL, "C04000")]
    [InlineData(256_000UL, "C3E800")] // the spec's example
    [InlineData(0xFFFFFFFEUL, "F0FFFFFFFE")]
    [InlineData(1UL << 56, "FF0100000000000000")]
    [InlineData(ulong.MaxValue, "FFFFFFFFFFFFFFFFFF")]
    public void Unsigned_vint(ulong value, string hex)
    {
        var buffer = new byte[VInt.MaxSize];
        var written = VInt.WriteUnsigned(buffer, value);
        Assert.Equal(hex, Convert.ToHexString(buffer, 0, written));
        Assert.Equal(value, VInt.ReadUnsigned(Bytes(hex), out var read));
        Assert.Equal(written, read);
    }

    [Theory]
    [InlineData(0L, 0UL)]
    [InlineData(-1L, 1UL)]
    [InlineData(1L, 2UL)]
    [InlineData(-2L, 3UL)]
    [InlineData(2L, 4UL)]
    [InlineData(long.MaxValue, ulong.MaxValue - 1)]
    [InlineData(long.MinValue, ulong.MaxValue)]
    public void Zig_zag_follows_the_spec_table(long value, ulong encoded)
    {
        Assert.Equal(encoded, VInt.ZigZag(value));
        Assert.Equal(value, VInt.UnZigZag(encoded));
    }

    public static TheoryData<int, int, long, string> Vectors => new()
    {
        { 0, 0, 0, "000000" },
        { 1, 2, 3, "020406" },
        { -1, -2, -3, "010305" },
        { 0, 0, 3_600_000_000_000, "0000FC068C61714000" }, // one hour: zig-zag 7.2e12 = 0x68C61714000, 43 bits → 7 bytes
        { int.MaxValue, 0, 0, "F0FFFFFFFE0000" },
        { int.MinValue, 0, 0, "F0FFFFFFFF0000" },
        { 0, 0, long.MinValue, "0000FFFFFFFFFFFFFFFFFF" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Duration_vectors(int months, int days, long nanoseconds, string hex)
        => RoundTrip(new CqlDuration(months, days, nanoseconds), CqlType.Duration, hex);

    [Fact]
    public void Mixed_signs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CqlDuration(1, -1, 0));
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("020106", CqlType.Duration));
    }

    [Fact]
    public void TimeSpan_conversions()
    {
        Assert.Equal("0000FC068C61714000", Encode(TimeSpan.FromHours(1), CqlType.Duration));
        Assert.Equal(TimeSpan.FromHours(49), Read<TimeSpan>("0004FC068C61714000", CqlType.Duration));
        var e = Assert.Throws<InvalidCastException>(() => Read<TimeSpan>("020000", CqlType.Duration));
        Assert.Contains("CqlDuration", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_or_trailing_bytes_are_violations()
    {
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("0000FC", CqlType.Duration));
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("00000000", CqlType.Duration));
    }

    [Fact]
    public void ToString_is_cql_literal()
    {
        Assert.Equal("1y2mo3d4h5m6s7ms8us9ns", new CqlDuration(14, 3, 14_706_007_008_009).ToString());
        Assert.Equal("-3d", new CqlDuration(0, -3, 0).ToString());
        Assert.Equal("0s", default(CqlDuration).ToString());
    }
}
