using System.Collections;
using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// tuple&lt;...&gt; (v5 §6.21): each component as [bytes], where a component may be null (-1). Read by default as a
/// <see cref="Tuple"/> of the components' default CLR types made nullable (Tuple&lt;int?, string&gt; for
/// tuple&lt;int, text&gt;), or as <c>object?[]</c> past 7 components; on request as a ValueTuple or Tuple of chosen
/// types, or <c>object?[]</c>. Written from any ValueTuple or Tuple (<see cref="ITuple"/>) or an object[] (IList).
/// </summary>
internal sealed class TupleCodec : CqlCodec
{
    public static readonly TupleCodec Instance = new();

    private const int MaxTupleArity = 7;

    private static readonly Type[] TupleDefinitions =
    [
        typeof(Tuple<>), typeof(Tuple<,>), typeof(Tuple<,,>), typeof(Tuple<,,,>), typeof(Tuple<,,,,>), typeof(Tuple<,,,,,>), typeof(Tuple<,,,,,,>),
    ];

    private static readonly Type[] ValueTupleDefinitions =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>),
    ];

    private readonly ConditionalWeakTable<CqlType, Type> _defaultTypes = new();

    public override Type DefaultClrType => typeof(ITuple);

    public override bool EmptyMeansNull => false;

    public override string ReadableAs => "a Tuple<...> or ValueTuple<...> with one type per component (nullable where a component can be null), or object[]";

    public override string WritableFrom => "a ValueTuple or Tuple with one item per component, or an object[] (null items are written as null)";

    public override Type GetDefaultClrType(CqlType type) => _defaultTypes.GetValue(type, static t =>
    {
        var count = t.Arguments.Count;
        if (count == 0 || count > MaxTupleArity)
        {
            return typeof(object[]);
        }

        var components = new Type[count];
        for (var i = 0; i < count; i++)
        {
            var clr = CqlValueCodec.GetDefaultClrType(t.Arguments[i]);
            components[i] = clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
        }

        return TupleDefinitions[count - 1].MakeGenericType(components);
    });

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => ReadAs(bytes, type, GetDefaultClrType(type));

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        var count = type.Arguments.Count;
        Type[] targets;
        if (target == typeof(object[]))
        {
            targets = Enumerable.Repeat(typeof(object), count).ToArray();
        }
        else if (IsTupleOfArity(target, count))
        {
            targets = target.GenericTypeArguments;
        }
        else if (target.IsAssignableFrom(GetDefaultClrType(type)))
        {
            return ReadAs(bytes, type, GetDefaultClrType(type));
        }
        else
        {
            throw CannotRead(type, target);
        }

        var values = new object?[count];
        var reader = new CqlReader(bytes);
        for (var i = 0; i < count && reader.Remaining > 0; i++)
        {
            if (reader.TryReadBytes(out var component))
            {
                values[i] = CqlValueCodec.ReadAs(component, type.Arguments[i], targets[i]);
            }

            if (values[i] is null && targets[i].IsValueType && Nullable.GetUnderlyingType(targets[i]) is null)
            {
                throw new InvalidCastException(
                    $"Component {i} of the CQL {type} value is null, which {CqlConversions.Describe(targets[i])} cannot hold; read it as {CqlConversions.Describe(typeof(Nullable<>).MakeGenericType(targets[i]))}.");
            }
        }

        return target == typeof(object[]) ? values : Activator.CreateInstance(target, values)!;
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var count = type.Arguments.Count;
        switch (value)
        {
            case ITuple tuple when tuple.Length == count:
                for (var i = 0; i < count; i++)
                {
                    WriteComponent(writer, tuple[i], type.Arguments[i]);
                }

                break;
            case IList list when value is not string && list.Count == count:
                for (var i = 0; i < count; i++)
                {
                    WriteComponent(writer, list[i], type.Arguments[i]);
                }

                break;
            case ITuple or IList when value is not string:
                throw new ArgumentException(
                    $"A CQL {type} value has {count} components, but the {CqlConversions.Describe(value.GetType())} written to it has {(value is ITuple t ? t.Length : ((IList)value).Count)}.",
                    nameof(value));
            default:
                throw CannotWrite(value, type);
        }
    }

    private static void WriteComponent(CqlBufferWriter writer, object? component, CqlType type)
    {
        if (component is null or DBNull)
        {
            writer.WriteNullBytes();
        }
        else
        {
            CqlValueCodec.WriteBytes(writer, component, type);
        }
    }

    private static bool IsTupleOfArity(Type type, int count)
    {
        if (!type.IsGenericType || count == 0 || count > MaxTupleArity)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == TupleDefinitions[count - 1] || definition == ValueTupleDefinitions[count - 1];
    }
}
