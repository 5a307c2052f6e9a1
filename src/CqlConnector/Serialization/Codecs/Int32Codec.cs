using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>int: a four-byte two's complement integer (v5 §6.11).</summary>
internal sealed class Int32Codec : CqlCodec
{
    public static readonly Int32Codec Instance = new();

    public override Type DefaultClrType => typeof(int);

    public override int FixedLength => 4;

    public override string ReadableAs => "int, long, double, decimal, BigInteger, or an enum over one of them";

    public override string WritableFrom => "an int (or a narrower integer: short, ushort, sbyte, byte) or an enum over one";

    public static int Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 4);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is int i)
        {
            writer.WriteInt32(i);
            return;
        }

        if (!CqlConversions.TryGetInteger(value, int.MinValue, int.MaxValue, out var v))
        {
            throw CannotWrite(value, type);
        }

        writer.WriteInt32((int)v);
    }
}
