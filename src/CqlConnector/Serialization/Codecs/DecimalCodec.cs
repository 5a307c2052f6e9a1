using System.Buffers.Binary;
using System.Numerics;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// decimal: an [int] scale then the unscaled value as a varint; the value is <c>unscaled × 10^-scale</c> (v5 §6.6).
/// Read as <see cref="decimal"/> by default (OverflowException when it does not fit) or exactly as
/// <see cref="CqlDecimal"/>.
/// </summary>
internal sealed class DecimalCodec : CqlCodec
{
    public static readonly DecimalCodec Instance = new();

    public override Type DefaultClrType => typeof(decimal);

    public override string ReadableAs => "decimal, CqlDecimal (any precision) or double (rounded)";

    public override string WritableFrom => "a decimal, a CqlDecimal, or any integer type";

    public static CqlDecimal DecodeExact(ReadOnlySpan<byte> bytes, CqlType type)
    {
        if (bytes.Length < 5)
        {
            throw new CqlProtocolViolationException(
                bytes.IsEmpty
                    ? $"The CQL {type} value is empty (0 bytes), a legacy value Cassandra allows for non-string types; read it as a nullable type (e.g. decimal?) to get null for it."
                    : $"A CQL {type} value has a 4-byte scale and at least one byte of unscaled value, but the server sent {bytes.Length} bytes.");
        }

        var scale = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return new CqlDecimal(new BigInteger(bytes[4..], isUnsigned: false, isBigEndian: true), scale);
    }

    public static void Encode(CqlBufferWriter writer, CqlDecimal value)
    {
        writer.WriteInt32(value.Scale);
        VarintCodec.Encode(writer, value.Unscaled);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => (decimal)DecodeExact(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target == typeof(CqlDecimal))
        {
            return DecodeExact(bytes, type);
        }

        if (target == typeof(double))
        {
            var exact = DecodeExact(bytes, type);
            return exact.TryToDecimal(out var d) ? (double)d : (double)exact.Unscaled * Math.Pow(10, -exact.Scale);
        }

        return base.ReadAs(bytes, type, target);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        switch (value)
        {
            case decimal d:
                Encode(writer, d);
                break;
            case CqlDecimal exact:
                Encode(writer, exact);
                break;
            default:
                if (value is Enum || !CqlConversions.TryGetInteger(value, Int128.MinValue, Int128.MaxValue, out var integer))
                {
                    throw CannotWrite(value, type);
                }

                Encode(writer, new CqlDecimal((BigInteger)integer, 0));
                break;
        }
    }
}
