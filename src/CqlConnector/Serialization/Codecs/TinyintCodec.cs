namespace CqlConnector.Serialization.Codecs;

/// <summary>tinyint: a one-byte two's complement integer (v5 §6.20).</summary>
internal sealed class TinyintCodec : CqlCodec
{
    public static readonly TinyintCodec Instance = new();

    public override Type DefaultClrType => typeof(sbyte);

    public override string ReadableAs => "sbyte, short, int, long, float, double, decimal, BigInteger, or an enum over one of them";

    public override string WritableFrom => "an sbyte (or an enum over sbyte); a byte does not fit, since tinyint is signed (-128..127)";

    public static sbyte Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 1);
        return (sbyte)bytes[0];
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (!CqlConversions.TryGetInteger(value, sbyte.MinValue, sbyte.MaxValue, out var v))
        {
            throw CannotWrite(value, type);
        }

        writer.WriteByte((byte)(sbyte)v);
    }
}
