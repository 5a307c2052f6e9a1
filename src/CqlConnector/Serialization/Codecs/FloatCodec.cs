using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>float: an IEEE 754 binary32 number (v5 §6.9).</summary>
internal sealed class FloatCodec : CqlCodec
{
    public static readonly FloatCodec Instance = new();

    // Integers whose every value a float holds exactly: at most 24 significant bits.
    private static readonly Int128 ExactLimit = 1 << 24;

    public override Type DefaultClrType => typeof(float);

    public override int FixedLength => 4;

    public override string ReadableAs => "float or double";

    public override string WritableFrom => "a float (or a short, ushort, sbyte or byte, which a float holds exactly)";

    public static float Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 4);
        return BinaryPrimitives.ReadSingleBigEndian(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        float f;
        if (value is float single)
        {
            f = single;
        }
        else if (value is not Enum && CqlConversions.TryGetInteger(value, -ExactLimit, ExactLimit, out var integer))
        {
            f = (float)integer;
        }
        else
        {
            throw CannotWrite(value, type);
        }

        BinaryPrimitives.WriteSingleBigEndian(writer.GetSpan(4), f);
        writer.Advance(4);
    }
}
