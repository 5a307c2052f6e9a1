using System.Numerics;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// varint: a two's complement integer of any size, big-endian, in the fewest bytes (v5 §6.24: 0 → 00, 128 → 0080,
/// -129 → FF7F).
/// </summary>
internal sealed class VarintCodec : CqlCodec
{
    public static readonly VarintCodec Instance = new();

    public override Type DefaultClrType => typeof(BigInteger);

    public override string ReadableAs => "BigInteger, or (when the value fits, else OverflowException) long, int, short, sbyte, ulong, uint, ushort, byte or decimal";

    public override string WritableFrom => "a BigInteger or any integer type (long, ulong, int, ...)";

    public static BigInteger Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        if (bytes.IsEmpty)
        {
            throw BadLength(type, 1, 0);
        }

        return new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
    }

    public static void Encode(CqlBufferWriter writer, BigInteger value)
    {
        var span = writer.GetSpan(value.GetByteCount());
        value.TryWriteBytes(span, out var written, isUnsigned: false, isBigEndian: true);
        writer.Advance(written);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is BigInteger big)
        {
            Encode(writer, big);
        }
        else if (CqlConversions.TryGetInteger(value, Int128.MinValue, Int128.MaxValue, out var integer))
        {
            Encode(writer, (BigInteger)integer);
        }
        else
        {
            throw CannotWrite(value, type);
        }
    }
}
