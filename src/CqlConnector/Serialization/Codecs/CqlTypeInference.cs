using System.Collections;
using System.Net;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// Infers the CQL type of a value bound without metadata (an unprepared QUERY with values):
/// string → text; int → int; long → bigint; short → smallint; sbyte → tinyint; ushort → int, uint → bigint,
/// ulong → varint (the narrowest type that holds every value); bool → boolean; float; double; decimal and
/// CqlDecimal → decimal; BigInteger → varint; Guid → uuid; TimeUuid → timeuuid; DateTime and DateTimeOffset →
/// timestamp; DateOnly → date; TimeOnly → time; CqlDuration → duration; IPAddress → inet; byte[],
/// ReadOnlyMemory&lt;byte&gt;, Memory&lt;byte&gt;, ArraySegment&lt;byte&gt; → blob; an enum → its underlying type;
/// CqlUserDefinedValue → its type; dictionaries → map; ISet/IReadOnlySet → set; other enumerables and arrays → list;
/// ValueTuple/Tuple → tuple. Element types come from the generic arguments, or from the first element when those are
/// <see cref="object"/>. A lone <see cref="byte"/> is refused: it fits neither tinyint (signed) nor blob; pass an sbyte,
/// a short or a byte[].
/// </summary>
internal static class CqlTypeInference
{
    /// <summary>The CQL type of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No CQL type can be inferred.</exception>
    public static CqlType Infer(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FromClrType(value.GetType()) ?? FromValue(value) ?? throw CannotInfer(value.GetType());
    }

    /// <summary>The CQL type every value of <paramref name="clrType"/> maps to, or null when values must be inspected.</summary>
    public static CqlType? FromClrType(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }

        var simple = Type.GetTypeCode(type) switch
        {
            TypeCode.String => CqlType.Text,
            TypeCode.Int32 => CqlType.Int,
            TypeCode.Int64 => CqlType.Bigint,
            TypeCode.Int16 => CqlType.Smallint,
            TypeCode.SByte => CqlType.Tinyint,
            TypeCode.UInt16 => CqlType.Int,
            TypeCode.UInt32 => CqlType.Bigint,
            TypeCode.UInt64 => CqlType.Varint,
            TypeCode.Boolean => CqlType.Boolean,
            TypeCode.Single => CqlType.Float,
            TypeCode.Double => CqlType.Double,
            TypeCode.Decimal => CqlType.Decimal,
            TypeCode.DateTime => CqlType.Timestamp,
            _ => null,
        };
        if (simple is not null)
        {
            return simple;
        }

        if (type == typeof(Guid))
        {
            return CqlType.Uuid;
        }

        if (type == typeof(TimeUuid))
        {
            return CqlType.Timeuuid;
        }

        if (type == typeof(DateTimeOffset))
        {
            return CqlType.Timestamp;
        }

        if (type == typeof(DateOnly))
        {
            return CqlType.Date;
        }

        if (type == typeof(TimeOnly))
        {
            return CqlType.Time;
        }

        if (type == typeof(CqlDuration))
        {
            return CqlType.Duration;
        }

        if (type == typeof(BigInteger))
        {
            return CqlType.Varint;
        }

        if (type == typeof(CqlDecimal))
        {
            return CqlType.Decimal;
        }

        if (typeof(IPAddress).IsAssignableFrom(type))
        {
            return CqlType.Inet;
        }

        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>) || type == typeof(ArraySegment<byte>))
        {
            return CqlType.Blob;
        }

        if (type.IsGenericType && typeof(ITuple).IsAssignableFrom(type) && type.FullName?.StartsWith("System.", StringComparison.Ordinal) == true)
        {
            var arguments = type.GenericTypeArguments;
            if (arguments.Length > 7)
            {
                return null; // ValueTuple's TRest nesting: the values give the flat components.
            }

            var components = new CqlType[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                if (FromClrType(arguments[i]) is not { } component)
                {
                    return null;
                }

                components[i] = component;
            }

            return CqlType.Tuple(components);
        }

        if ((FindGeneric(type, typeof(IDictionary<,>)) ?? FindGeneric(type, typeof(IReadOnlyDictionary<,>))) is { } dictionary)
        {
            return FromClrType(dictionary[0]) is { } key && FromClrType(dictionary[1]) is { } value ? CqlType.Map(key, value) : null;
        }

        if ((FindGeneric(type, typeof(ISet<>)) ?? FindGeneric(type, typeof(IReadOnlySet<>))) is { } set)
        {
            return FromClrType(set[0]) is { } element ? CqlType.Set(element) : null;
        }

        if (FindGeneric(type, typeof(IEnumerable<>)) is { } sequence)
        {
            return FromClrType(sequence[0]) is { } element ? CqlType.List(element) : null;
        }

        return null;
    }

    private static CqlType? FromValue(object value)
    {
        switch (value)
        {
            case CqlUserDefinedValue udt:
                return udt.Type;
            case byte:
                throw new ArgumentException(
                    "A byte value has no CQL type of its own: tinyint is signed (-128..127) and blob is a byte sequence; pass an sbyte for tinyint, a short for smallint, or a byte[] for blob.",
                    nameof(value));
            case ITuple tuple when value.GetType().FullName?.StartsWith("System.", StringComparison.Ordinal) == true:
                var components = new CqlType[tuple.Length];
                for (var i = 0; i < tuple.Length; i++)
                {
                    components[i] = tuple[i] is { } component
                        ? Infer(component)
                        : throw new ArgumentException(
                            $"Component {i} of the {CqlConversions.Describe(value.GetType())} is null, so its CQL type cannot be inferred; prepare the statement (the server then gives the types) or give the component a typed value.",
                            nameof(value));
                }

                return CqlType.Tuple(components);
            case IDictionary dictionary:
                var entries = dictionary.GetEnumerator();
                if (!entries.MoveNext() || entries.Key is null || entries.Value is null)
                {
                    throw Empty(value);
                }

                var arguments = FindGeneric(value.GetType(), typeof(IDictionary<,>));
                return CqlType.Map(
                    (arguments is null ? null : FromClrType(arguments[0])) ?? Infer(entries.Key),
                    (arguments is null ? null : FromClrType(arguments[1])) ?? Infer(entries.Value));
            case IEnumerable items and not string:
                object? first = null;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        first = item;
                        break;
                    }
                }

                if (first is null)
                {
                    throw Empty(value);
                }

                var element = Infer(first);
                var isSet = FindGeneric(value.GetType(), typeof(ISet<>)) is not null || FindGeneric(value.GetType(), typeof(IReadOnlySet<>)) is not null;
                return isSet ? CqlType.Set(element) : CqlType.List(element);
            default:
                return null;
        }
    }

    private static Type[]? FindGeneric(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type.GenericTypeArguments;
        }

        foreach (var candidate in type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == definition)
            {
                return candidate.GenericTypeArguments;
            }
        }

        return null;
    }

    private static ArgumentException Empty(object value)
        => new($"The CQL type of an empty (or all-null) {CqlConversions.Describe(value.GetType())} cannot be inferred from its elements; use a typed collection (e.g. List<int>) or prepare the statement so that the server gives the type.", nameof(value));

    private static ArgumentException CannotInfer(Type type)
    {
        var hint = type == typeof(char) ? " Pass a string for text."
            : type == typeof(TimeSpan) ? " Pass a CqlDuration for duration, or a TimeOnly for time."
            : " A user-defined type needs its CqlType: pass a CqlUserDefinedValue, or prepare the statement so that the server gives the types.";
        return new ArgumentException(
            $"No CQL type can be inferred for a value of CLR type {CqlConversions.Describe(type)}.{hint}", "value");
    }
}
