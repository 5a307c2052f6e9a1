namespace CqlConnector.Serialization.Codecs;

/// <summary>boolean: one byte, 0 is false and anything else true (v5 §6.4); written as 0 or 1.</summary>
internal sealed class BooleanCodec : CqlCodec
{
    public static readonly BooleanCodec Instance = new();

    public override Type DefaultClrType => typeof(bool);

    public override int FixedLength => 1;

    public override string ReadableAs => "bool";

    public override string WritableFrom => "a bool";

    public static bool Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 1);
        return bytes[0] != 0;
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is not bool b)
        {
            throw CannotWrite(value, type);
        }

        writer.WriteByte(b ? (byte)1 : (byte)0);
    }
}
