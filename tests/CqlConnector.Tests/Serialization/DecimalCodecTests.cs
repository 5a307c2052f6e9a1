using System.Numerics;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>decimal: [int] scale then the unscaled varint; value = unscaled × 10^-scale (v5 §6.6).</summary>
public class DecimalCodecTests
{
    [Fact]
    public void One_point_two_five_is_scale_2_unscaled_125() => RoundTrip(1.25m, CqlType.Decimal, "00000002 7D");

    [Fact]
    public void Scale_is_kept_and_sign_is_in_the_unscaled_value()
    {
        RoundTrip(1.250m, CqlType.Decimal, "00000003 04E2");
        RoundTrip(-1.25m, CqlType.Decimal, "00000002 83");
        RoundTrip(0m, CqlType.Decimal, "00000000 00");
        RoundTrip(decimal.MaxValue, CqlType.Decimal, "00000000 00FFFFFFFFFFFFFFFFFFFFFFFF");
        RoundTrip(decimal.MinValue, CqlType.Decimal, "00000000 FF000000000000000000000001");
    }

    [Fact]
    public void Integers_and_CqlDecimal_are_written()
    {
        Assert.Equal("00000000" + "0080", Encode(128L, CqlType.Decimal));
        Assert.Equal("FFFFFFFE" + "0C", Encode(new CqlDecimal(12, -2), CqlType.Decimal));
    }

    [Fact]
    public void Reads_any_decimal_as_CqlDecimal_and_overflows_clearly_as_decimal()
    {
        // 10^30 with scale 0: beyond System.Decimal's 96-bit mantissa.
        var big = BigInteger.Pow(10, 30);
        var hex = "00000000" + Convert.ToHexString(big.ToByteArray(isUnsigned: false, isBigEndian: true));
        Assert.Equal(new CqlDecimal(big, 0), Read<CqlDecimal>(hex, CqlType.Decimal));
        var e = Assert.Throws<OverflowException>(() => ReadObject(hex, CqlType.Decimal));
        Assert.Contains("CqlDecimal", e.Message, StringComparison.Ordinal);
        Assert.Equal(1e30, Read<double>(hex, CqlType.Decimal), 1e15);
    }

    [Fact]
    public void CqlDecimal_converts_exactly()
    {
        Assert.Equal(1200m, (decimal)new CqlDecimal(12, -2));
        Assert.Equal(1m, (decimal)new CqlDecimal(BigInteger.Pow(10, 30), 30));
        Assert.Equal("1.25", new CqlDecimal(125, 2).ToString());
        Assert.Equal("-0.005", new CqlDecimal(-5, 3).ToString());
        Assert.Equal("12E+2", new CqlDecimal(12, -2).ToString());
        Assert.Equal(new CqlDecimal(125, 2), (CqlDecimal)1.25m);
    }
}
