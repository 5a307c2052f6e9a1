using System.Collections;
using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// The shared encoding of list and set (v5 §6.12, §6.14): an [int] n, then n elements each as [bytes]. Elements are
/// never null.
/// </summary>
internal abstract class SequenceCodec : CqlCodec
{
    private readonly ConditionalWeakTable<CqlType, Type> _defaultTypes = new();

    /// <summary>The shape the default CLR type has (List or HashSet).</summary>
    protected abstract SequenceShape DefaultShape { get; }

    public override bool EmptyMeansNull => false;

    public override Type GetDefaultClrType(CqlType type)
        => _defaultTypes.GetValue(type, t => DefaultClrType.MakeGenericType(CqlValueCodec.GetDefaultClrType(t.Arguments[0])));

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type)
        => CollectionReaders.GetSequenceReader(DefaultShape, CqlValueCodec.GetDefaultClrType(type.Arguments[0]))(bytes, type.Arguments[0]);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (!CollectionReaders.TryResolveSequence(target, DefaultShape, out var shape, out var element))
        {
            throw CannotRead(type, target);
        }

        var elementType = type.Arguments[0];
        return CollectionReaders.GetSequenceReader(shape, element ?? CqlValueCodec.GetDefaultClrType(elementType))(bytes, elementType);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is string or IDictionary || value is not IEnumerable items)
        {
            throw CannotWrite(value, type);
        }

        var elementType = type.Arguments[0];
        var countOffset = writer.ReserveInt32();
        var count = 0;
        foreach (var item in items)
        {
            if (item is null or DBNull)
            {
                throw new ArgumentException(
                    $"Element {count} of the {CqlConversions.Describe(value.GetType())} written to a CQL {type} value is null, and CQL collections cannot hold null: remove it.",
                    nameof(value));
            }

            CqlValueCodec.WriteBytes(writer, item, elementType);
            count++;
        }

        writer.PatchInt32(countOffset, count);
    }
}
