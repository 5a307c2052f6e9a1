using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>double: an IEEE 754 binary64 number (v5 §6.7).</summary>
internal sealed class DoubleCodec : CqlCodec
{
    public static readonly DoubleCodec Instance = new();

    // Integers whose every value a double holds exactly: at most 53 significant bits.
    private static readonly Int128 ExactLimit = 1L << 53;

    public override Type DefaultClrType => typeof(double);

    public override int FixedLength => 8;

    public override string ReadableAs => "double";

    public override string WritableFrom => "a double, a float, or an int, uint or narrower integer (which a double holds exactly)";

    public static double Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 8);
        return BinaryPrimitives.ReadDoubleBigEndian(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        double d;
        if (value is double dbl)
        {
            d = dbl;
        }
        else if (value is float single)
        {
            d = single;
        }
        else if (value is not Enum && CqlConversions.TryGetInteger(value, -ExactLimit, ExactLimit, out var integer))
        {
            d = (double)integer;
        }
        else
        {
            throw CannotWrite(value, type);
        }

        BinaryPrimitives.WriteDoubleBigEndian(writer.GetSpan(8), d);
        writer.Advance(8);
    }
}
