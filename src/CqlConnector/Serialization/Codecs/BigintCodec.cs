using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>bigint and counter: an eight-byte two's complement integer (v5 §6.2).</summary>
internal sealed class BigintCodec : CqlCodec
{
    public static readonly BigintCodec Instance = new();

    public override Type DefaultClrType => typeof(long);

    /// <summary>8 for bigint. (Cassandra holds counter as variable-size, but a counter cannot be a vector element.)</summary>
    public override int FixedLength => 8;

    public override string ReadableAs => "long, decimal, BigInteger, or an enum over long";

    public override string WritableFrom => "a long (or a narrower integer: int, uint, short, ushort, sbyte, byte) or an enum over one";

    public static long Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 8);
        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is long l)
        {
            writer.WriteInt64(l);
            return;
        }

        if (!CqlConversions.TryGetInteger(value, long.MinValue, long.MaxValue, out var v))
        {
            throw CannotWrite(value, type);
        }

        writer.WriteInt64((long)v);
    }
}
