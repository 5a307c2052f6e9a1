using System.Globalization;
using System.Numerics;

namespace CqlConnector;

/// <summary>
/// A CQL <c>decimal</c> exactly as the server holds it: <c>Unscaled × 10^-Scale</c>, with any precision and scale.
/// Every decimal can be read as a <see cref="CqlDecimal"/>; reading as <see cref="decimal"/> fails when the value does
/// not fit System.Decimal (96-bit mantissa, scale 0 to 28).
/// </summary>
/// <param name="Unscaled">The unscaled integer value.</param>
/// <param name="Scale">The power of ten the unscaled value is divided by (may be negative).</param>
public readonly record struct CqlDecimal(BigInteger Unscaled, int Scale)
{
    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;

    /// <summary>The exact value of a <see cref="decimal"/>, keeping its scale (1.50m is 150 with scale 2).</summary>
    public static implicit operator CqlDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return new CqlDecimal(bits[3] < 0 ? -mantissa : mantissa, scale);
    }

    /// <summary>The value as a <see cref="decimal"/>.</summary>
    /// <exception cref="OverflowException">The value has more precision or range than System.Decimal.</exception>
    public static explicit operator decimal(CqlDecimal value)
    {
        if (!value.TryToDecimal(out var result))
        {
            throw new OverflowException(
                $"The CQL decimal {value} (unscaled {value.Unscaled}, scale {value.Scale}) does not fit System.Decimal (at most 28-29 significant digits, scale 0 to 28); read it as CqlDecimal instead.");
        }

        return result;
    }

    /// <summary>Converts to <see cref="decimal"/> without loss, if possible.</summary>
    public bool TryToDecimal(out decimal result)
    {
        var unscaled = Unscaled;
        var scale = Scale;
        if (scale < 0)
        {
            if (unscaled.IsZero)
            {
                result = 0m;
                return true;
            }

            if (scale < -29)
            {
                // 10^29 alone exceeds the 96-bit mantissa.
                result = default;
                return false;
            }

            unscaled *= BigInteger.Pow(10, -scale);
            scale = 0;
        }

        while (scale > 28 && !unscaled.IsZero && (unscaled % 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        if (scale > 28 && unscaled.IsZero)
        {
            scale = 28;
        }

        var magnitude = BigInteger.Abs(unscaled);
        if (scale > 28 || magnitude > MaxMantissa)
        {
            result = default;
            return false;
        }

        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        result = new decimal(lo, mid, hi, unscaled.Sign < 0, (byte)scale);
        return true;
    }

    /// <summary>The value in plain notation, e.g. <c>1.25</c>, or <c>12E+3</c> for a negative scale.</summary>
    public override string ToString()
    {
        if (Scale <= 0)
        {
            return Scale == 0
                ? Unscaled.ToString(CultureInfo.InvariantCulture)
                : Unscaled.ToString(CultureInfo.InvariantCulture) + "E+" + (-(long)Scale).ToString(CultureInfo.InvariantCulture);
        }

        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= Scale)
        {
            digits = new string('0', Scale - digits.Length + 1) + digits;
        }

        var text = digits[..^Scale] + "." + digits[^Scale..];
        return Unscaled.Sign < 0 ? "-" + text : text;
    }
}
