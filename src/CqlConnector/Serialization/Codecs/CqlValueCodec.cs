using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// Encodes bound values into requests and decodes column values from results, for every CQL type: the one entry point
/// the protocol, ADO.NET and EF layers use. Values are written straight into the outgoing buffer (the length prefix is
/// reserved, then patched), and read straight from the received bytes.
/// </summary>
internal static class CqlValueCodec
{
    /// <summary>The codec of <paramref name="type"/>'s family.</summary>
    public static CqlCodec GetCodec(CqlType type) => type.Code switch
    {
        CqlTypeCode.Int => Int32Codec.Instance,
        CqlTypeCode.Varchar or CqlTypeCode.Ascii => TextCodec.Instance,
        CqlTypeCode.Bigint or CqlTypeCode.Counter => BigintCodec.Instance,
        CqlTypeCode.Uuid or CqlTypeCode.Timeuuid => UuidCodec.Instance,
        CqlTypeCode.Boolean => BooleanCodec.Instance,
        CqlTypeCode.Double => DoubleCodec.Instance,
        CqlTypeCode.Float => FloatCodec.Instance,
        CqlTypeCode.Timestamp => TimestampCodec.Instance,
        CqlTypeCode.Blob => BlobCodec.Instance,
        CqlTypeCode.Decimal => DecimalCodec.Instance,
        CqlTypeCode.Varint => VarintCodec.Instance,
        CqlTypeCode.Smallint => SmallintCodec.Instance,
        CqlTypeCode.Tinyint => TinyintCodec.Instance,
        CqlTypeCode.Date => DateCodec.Instance,
        CqlTypeCode.Time => TimeCodec.Instance,
        CqlTypeCode.Duration => DurationCodec.Instance,
        CqlTypeCode.Inet => InetCodec.Instance,
        CqlTypeCode.List => ListCodec.Instance,
        CqlTypeCode.Set => SetCodec.Instance,
        CqlTypeCode.Map => MapCodec.Instance,
        CqlTypeCode.Tuple => TupleCodec.Instance,
        CqlTypeCode.Udt => UdtCodec.Instance,
        CqlTypeCode.Custom when type.IsVector => VectorCodec.Instance,
        CqlTypeCode.Custom => BlobCodec.Instance,
        _ => throw new NotSupportedException($"The CQL type code 0x{(int)type.Code:X4} ({type}) has no codec."),
    };

    /// <summary>
    /// Writes a protocol [value]: an [int] length and the encoded bytes; <c>null</c> and <see cref="DBNull"/> are
    /// written as length -1, <see cref="CqlUnset.Value"/> as -2 (protocol v4 and later).
    /// </summary>
    /// <exception cref="InvalidCastException">The value's CLR type cannot be written as <paramref name="type"/>.</exception>
    /// <exception cref="InvalidOperationException">An unset value under protocol v3.</exception>
    public static void WriteValue(CqlBufferWriter writer, object? value, CqlType type, ProtocolVersion version)
    {
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullBytes();
                return;
            case CqlUnset:
                if (version < ProtocolVersion.V4)
                {
                    throw new InvalidOperationException(
                        "An unset value (CqlUnset.Value) needs native protocol v4 or later, and this connection speaks v3, which has no unset: leave the column or parameter out of the statement instead (writing null would store a tombstone).");
                }

                writer.WriteUnsetValue();
                return;
            case int i when type.Code == CqlTypeCode.Int:
                writer.WriteInt32(4);
                writer.WriteInt32(i);
                return;
            case long l when type.Code is CqlTypeCode.Bigint or CqlTypeCode.Counter:
                writer.WriteInt32(8);
                writer.WriteInt64(l);
                return;
            case Guid g when type.Code == CqlTypeCode.Uuid:
                writer.WriteInt32(16);
                UuidCodec.Encode(writer, g);
                return;
            default:
                WriteBytes(writer, value, type);
                return;
        }
    }

    /// <summary>Writes a non-null value as [bytes] (the form of collection elements, tuple and UDT components).</summary>
    public static void WriteBytes(CqlBufferWriter writer, object value, CqlType type)
    {
        var lengthOffset = writer.ReserveInt32();
        var start = writer.Position;
        GetCodec(type).Write(writer, value, type);
        writer.PatchInt32(lengthOffset, writer.Position - start);
    }

    /// <summary>
    /// Infers the CQL type of a value bound without metadata (an unprepared QUERY): see <see cref="CqlTypeInference"/>
    /// for the mapping.
    /// </summary>
    /// <exception cref="ArgumentException">No CQL type can be inferred for the value's CLR type.</exception>
    public static CqlType InferType(object value) => CqlTypeInference.Infer(value);

    /// <summary>The CLR type <see cref="ReadObject"/> returns for <paramref name="type"/>, e.g. List&lt;int&gt; for list&lt;int&gt;.</summary>
    public static Type GetDefaultClrType(CqlType type) => GetCodec(type).GetDefaultClrType(type);

    /// <summary>Decodes a non-null value's bytes into <see cref="GetDefaultClrType"/>.</summary>
    public static object ReadObject(ReadOnlySpan<byte> bytes, CqlType type) => GetCodec(type).Read(bytes, type);

    /// <summary>
    /// Whether <paramref name="bytes"/> is the legacy empty value of a type that has no empty value of its own (an
    /// int with zero bytes, say): readers should treat it as null.
    /// </summary>
    public static bool IsEmptyLegacyValue(ReadOnlySpan<byte> bytes, CqlType type) => bytes.IsEmpty && GetCodec(type).EmptyMeansNull;

    /// <summary>
    /// Decodes a non-null value's bytes as <typeparamref name="T"/>, applying the codec's conversions (widening of
    /// integers, DateTime for timestamp, List/array/set shapes for collections, POCOs for UDTs...). Nullable types are
    /// accepted, and then read the legacy empty value as null. The common pairs decode without boxing.
    /// </summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> cannot represent a value of <paramref name="type"/>.</exception>
    public static T Read<T>(ReadOnlySpan<byte> bytes, CqlType type)
    {
        // Hot paths: each typeof(T) test is a JIT-time constant, so each instantiation keeps only its own branch.
        if (typeof(T) == typeof(int))
        {
            if (type.Code == CqlTypeCode.Int)
            {
                var v = Int32Codec.Decode(bytes, type);
                return Unsafe.As<int, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(long))
        {
            if (type.Code is CqlTypeCode.Bigint or CqlTypeCode.Counter)
            {
                var v = BigintCodec.Decode(bytes, type);
                return Unsafe.As<long, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(Guid))
        {
            if (type.Code is CqlTypeCode.Uuid or CqlTypeCode.Timeuuid)
            {
                var v = UuidCodec.Decode(bytes, type);
                return Unsafe.As<Guid, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(bool))
        {
            if (type.Code == CqlTypeCode.Boolean)
            {
                var v = BooleanCodec.Decode(bytes, type);
                return Unsafe.As<bool, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(double))
        {
            if (type.Code == CqlTypeCode.Double)
            {
                var v = DoubleCodec.Decode(bytes, type);
                return Unsafe.As<double, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(float))
        {
            if (type.Code == CqlTypeCode.Float)
            {
                var v = FloatCodec.Decode(bytes, type);
                return Unsafe.As<float, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(DateTimeOffset))
        {
            if (type.Code == CqlTypeCode.Timestamp)
            {
                var v = TimestampCodec.Decode(bytes, type);
                return Unsafe.As<DateTimeOffset, T>(ref v);
            }
        }
        else if (typeof(T) == typeof(string))
        {
            if (type.Code is CqlTypeCode.Varchar or CqlTypeCode.Ascii)
            {
                return (T)(object)TextCodec.Decode(bytes);
            }
        }
        else if (typeof(T) == typeof(byte[]))
        {
            if (type.Code == CqlTypeCode.Blob)
            {
                return (T)(object)bytes.ToArray();
            }
        }

        return ReadSlow<T>(bytes, type);
    }

    /// <summary>
    /// Decodes a non-null value's bytes as <paramref name="target"/> (which may be nullable or <see cref="object"/>);
    /// returns null for the legacy empty value when <paramref name="target"/> can hold null.
    /// </summary>
    public static object? ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        var codec = GetCodec(type);
        var underlying = Nullable.GetUnderlyingType(target);
        if (bytes.IsEmpty && codec.EmptyMeansNull && (underlying is not null || !target.IsValueType))
        {
            return null;
        }

        return target == typeof(object) ? codec.Read(bytes, type) : codec.ReadAs(bytes, type, underlying ?? target);
    }

    private static T ReadSlow<T>(ReadOnlySpan<byte> bytes, CqlType type)
    {
        var value = ReadAs(bytes, type, typeof(T));
        if (value is null && default(T) is not null)
        {
            throw GetCodec(type).CannotRead(type, typeof(T));
        }

        return (T)value!;
    }
}
