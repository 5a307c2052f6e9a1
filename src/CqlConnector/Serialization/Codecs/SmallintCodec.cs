namespace CqlConnector.Serialization.Codecs;

/// <summary>smallint: a two-byte two's complement integer (v5 §6.15).</summary>
internal sealed class SmallintCodec : CqlCodec
{
    public static readonly SmallintCodec Instance = new();

    public override Type DefaultClrType => typeof(short);

    public override string ReadableAs => "short, int, long, float, double, decimal, BigInteger, or an enum over one of them";

    public override string WritableFrom => "a short (or a narrower integer: sbyte, byte) or an enum over one";

    public static short Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 2);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (!CqlConversions.TryGetInteger(value, short.MinValue, short.MaxValue, out var v))
        {
            throw CannotWrite(value, type);
        }

        writer.WriteInt16((short)v);
    }
}
