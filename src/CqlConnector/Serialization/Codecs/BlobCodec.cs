namespace CqlConnector.Serialization.Codecs;

/// <summary>blob (any bytes, v5 §6.3), and custom types other than vector, whose bytes are handed over as they are.</summary>
internal sealed class BlobCodec : CqlCodec
{
    public static readonly BlobCodec Instance = new();

    public override Type DefaultClrType => typeof(byte[]);

    public override bool EmptyMeansNull => false;

    public override string ReadableAs => "byte[], ReadOnlyMemory<byte>, Memory<byte> or ArraySegment<byte>";

    public override string WritableFrom => "a byte[], ReadOnlyMemory<byte>, Memory<byte> or ArraySegment<byte>";

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => bytes.ToArray();

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(bytes.ToArray());
        }

        if (target == typeof(Memory<byte>))
        {
            return new Memory<byte>(bytes.ToArray());
        }

        return target == typeof(ArraySegment<byte>) ? new ArraySegment<byte>(bytes.ToArray()) : base.ReadAs(bytes, type, target);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        ReadOnlySpan<byte> bytes = value switch
        {
            byte[] array => array,
            ReadOnlyMemory<byte> memory => memory.Span,
            Memory<byte> memory => memory.Span,
            ArraySegment<byte> segment => segment,
            _ => throw CannotWrite(value, type),
        };

        writer.WriteRaw(bytes);
    }
}
