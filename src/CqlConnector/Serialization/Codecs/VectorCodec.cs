using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// vector&lt;T, n&gt; (Cassandra 5.0's VectorType, a custom type on the wire): exactly n non-null elements. Elements of
/// a fixed-size type (boolean, int, bigint, float, double, uuid, timeuuid, timestamp) are concatenated with no length;
/// any other element is prefixed by its length as an [unsigned vint]. Read as T'[] (float[] for vector&lt;float, n&gt;)
/// or List/IReadOnlyList/...; written from any enumerable of n elements.
/// </summary>
internal sealed class VectorCodec : CqlCodec
{
    public static readonly VectorCodec Instance = new();

    private readonly ConditionalWeakTable<CqlType, Type> _defaultTypes = new();

    public override Type DefaultClrType => typeof(Array);

    public override string ReadableAs => "T[] (e.g. float[]), List<T>, IList<T>, IReadOnlyList<T> or IEnumerable<T> of the element's CLR type";

    public override string WritableFrom => "an array or any IEnumerable with exactly the vector's dimension of non-null elements (e.g. float[])";

    public override Type GetDefaultClrType(CqlType type)
        => _defaultTypes.GetValue(type, static t => CqlValueCodec.GetDefaultClrType(t.Arguments[0]).MakeArrayType());

    /// <summary>Reads the elements of a vector value.</summary>
    public static T[] ReadElements<T>(ReadOnlySpan<byte> bytes, CqlType vectorType)
    {
        var elementType = vectorType.Arguments[0];
        var dimension = vectorType.Dimension;
        var fixedLength = CqlValueCodec.GetCodec(elementType).FixedLength;
        var result = new T[dimension];
        if (fixedLength > 0)
        {
            if (bytes.Length != (long)fixedLength * dimension)
            {
                throw new CqlProtocolViolationException(
                    $"A CQL {vectorType} value has {dimension} elements of {fixedLength} bytes ({fixedLength * dimension} bytes), but the server sent {bytes.Length} bytes.");
            }

            if (typeof(T) == typeof(float) && elementType.Code == CqlTypeCode.Float)
            {
                var floats = Unsafe.As<float[]>(result);
                for (var i = 0; i < dimension; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleBigEndian(bytes.Slice(i * 4, 4));
                }

                return result;
            }

            for (var i = 0; i < dimension; i++)
            {
                result[i] = CqlValueCodec.Read<T>(bytes.Slice(i * fixedLength, fixedLength), elementType);
            }

            return result;
        }

        for (var i = 0; i < dimension; i++)
        {
            var length = VInt.ReadUnsigned(bytes, out var read);
            if (length > (ulong)(bytes.Length - read))
            {
                throw new CqlProtocolViolationException(
                    $"Element {i} of a CQL {vectorType} value announces {length} bytes, but only {bytes.Length - read} remain.");
            }

            result[i] = CqlValueCodec.Read<T>(bytes.Slice(read, (int)length), elementType);
            bytes = bytes[(read + (int)length)..];
        }

        if (!bytes.IsEmpty)
        {
            throw new CqlProtocolViolationException($"A CQL {vectorType} value has {bytes.Length} bytes after its {dimension} elements.");
        }

        return result;
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type)
        => CollectionReaders.GetVectorReader(SequenceShape.Array, CqlValueCodec.GetDefaultClrType(type.Arguments[0]))(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (!CollectionReaders.TryResolveSequence(target, SequenceShape.Array, out var shape, out var element))
        {
            throw CannotRead(type, target);
        }

        return CollectionReaders.GetVectorReader(shape, element ?? CqlValueCodec.GetDefaultClrType(type.Arguments[0]))(bytes, type);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var elementType = type.Arguments[0];
        if (value is float[] floats && elementType.Code == CqlTypeCode.Float)
        {
            CheckCount(floats.Length, value, type);
            var span = writer.GetSpan(floats.Length * 4);
            for (var i = 0; i < floats.Length; i++)
            {
                BinaryPrimitives.WriteSingleBigEndian(span[(i * 4)..], floats[i]);
            }

            writer.Advance(floats.Length * 4);
            return;
        }

        if (value is string or IDictionary || value is not IEnumerable items)
        {
            throw CannotWrite(value, type);
        }

        var codec = CqlValueCodec.GetCodec(elementType);
        var fixedLength = codec.FixedLength;
        CqlBufferWriter? scratch = null;
        try
        {
            var count = 0;
            foreach (var item in items)
            {
                if (item is null or DBNull)
                {
                    throw new ArgumentException(
                        $"Element {count} of the {CqlConversions.Describe(value.GetType())} written to a CQL {type} value is null, and vectors cannot hold null.",
                        nameof(value));
                }

                if (++count > type.Dimension)
                {
                    break;
                }

                if (fixedLength > 0)
                {
                    codec.Write(writer, item, elementType);
                }
                else
                {
                    // The length prefix is a vint whose size depends on the length, so encode the element aside first.
                    scratch ??= new CqlBufferWriter();
                    scratch.Reset();
                    codec.Write(scratch, item, elementType);
                    VInt.WriteUnsigned(writer, (ulong)scratch.Position);
                    writer.WriteRaw(scratch.WrittenSpan);
                }
            }

            CheckCount(count, value, type);
        }
        finally
        {
            scratch?.Dispose();
        }
    }

    private static void CheckCount(int count, object value, CqlType type)
    {
        if (count != type.Dimension)
        {
            throw new ArgumentException(
                $"A CQL {type} value has exactly {type.Dimension} elements, but the {CqlConversions.Describe(value.GetType())} written to it has {(count > type.Dimension ? "more" : count.ToString(System.Globalization.CultureInfo.InvariantCulture))}.",
                nameof(value));
        }
    }
}
