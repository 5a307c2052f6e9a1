using System.Numerics;
using System.Text;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// The CLR conversions the codecs share: numeric widening (only conversions that never lose information, as C#'s
/// implicit conversions do for integers, plus integer-to-floating-point only where every value is exact), enums over
/// their underlying integer type, and readable type names for error messages.
/// </summary>
internal static class CqlConversions
{
    /// <summary>Converts a decoded value into <paramref name="target"/>, or throws the codec's read error.</summary>
    public static object ConvertRead(object value, CqlType type, Type target, CqlCodec codec)
    {
        if (target.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(target);
            var number = underlying == value.GetType() ? value : ConvertRead(value, type, underlying, codec);
            return Enum.ToObject(target, number);
        }

        if (TryWiden(value, target, out var result))
        {
            return result;
        }

        if (value is BigInteger big && IsInteger(target))
        {
            try
            {
                return Type.GetTypeCode(target) switch
                {
                    TypeCode.SByte => (sbyte)big,
                    TypeCode.Byte => (byte)big,
                    TypeCode.Int16 => (short)big,
                    TypeCode.UInt16 => (ushort)big,
                    TypeCode.Int32 => (int)big,
                    TypeCode.UInt32 => (uint)big,
                    TypeCode.Int64 => (long)big,
                    TypeCode.UInt64 => (ulong)big,
                    TypeCode.Decimal => (decimal)big,
                    _ => (Int128)big,
                };
            }
            catch (OverflowException e)
            {
                throw new OverflowException(
                    $"The CQL {type} value {big} does not fit {Describe(target)}; read it as BigInteger.", e);
            }
        }

        throw codec.CannotRead(type, target);
    }

    /// <summary>
    /// Gets <paramref name="value"/> as an integer when it is an integer (or an enum) whose CLR type can hold no value
    /// outside [<paramref name="min"/>, <paramref name="max"/>]: the check is on the CLR type, not on the value, so
    /// that what is accepted never depends on the data.
    /// </summary>
    public static bool TryGetInteger(object value, Int128 min, Int128 max, out Int128 result)
    {
        if (value is Enum)
        {
            value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), null)!;
        }

        (result, var typeMin, var typeMax) = value switch
        {
            sbyte v => ((Int128)v, (Int128)sbyte.MinValue, (Int128)sbyte.MaxValue),
            byte v => (v, byte.MinValue, byte.MaxValue),
            short v => (v, short.MinValue, short.MaxValue),
            ushort v => (v, ushort.MinValue, ushort.MaxValue),
            int v => (v, int.MinValue, int.MaxValue),
            uint v => (v, uint.MinValue, uint.MaxValue),
            long v => (v, long.MinValue, long.MaxValue),
            ulong v => (v, ulong.MinValue, ulong.MaxValue),
            _ => (Int128.Zero, Int128.One, Int128.Zero),
        };

        return typeMin <= typeMax && typeMin >= min && typeMax <= max;
    }

    /// <summary>Whether <paramref name="type"/> is a CLR integer type.</summary>
    public static bool IsInteger(Type type)
        => type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(sbyte)
           || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong)
           || type == typeof(decimal) || type == typeof(Int128);

    /// <summary>A CLR type's name as C# writes it, e.g. <c>List&lt;int&gt;</c> or <c>int?</c>.</summary>
    public static string Describe(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();

        static void Append(StringBuilder builder, Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null)
            {
                Append(builder, underlying);
                builder.Append('?');
                return;
            }

            if (type.IsArray)
            {
                Append(builder, type.GetElementType()!);
                builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
                return;
            }

            var keyword = Type.GetTypeCode(type) switch
            {
                TypeCode.Boolean => "bool",
                TypeCode.SByte => "sbyte",
                TypeCode.Byte => "byte",
                TypeCode.Int16 => "short",
                TypeCode.UInt16 => "ushort",
                TypeCode.Int32 => "int",
                TypeCode.UInt32 => "uint",
                TypeCode.Int64 => "long",
                TypeCode.UInt64 => "ulong",
                TypeCode.Single => "float",
                TypeCode.Double => "double",
                TypeCode.Decimal => "decimal",
                TypeCode.String => "string",
                TypeCode.Char => "char",
                _ => type == typeof(object) ? "object" : null,
            };
            if (keyword is not null && !type.IsEnum)
            {
                builder.Append(keyword);
                return;
            }

            if (!type.IsGenericType)
            {
                builder.Append(type.Name);
                return;
            }

            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            builder.Append(tick < 0 ? name : name[..tick]).Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                Append(builder, arguments[i]);
            }

            builder.Append('>');
        }
    }

    private static bool TryWiden(object value, Type target, out object result)
    {
        result = value switch
        {
            sbyte v when target == typeof(short) => (short)v,
            sbyte v when target == typeof(int) => (int)v,
            sbyte v when target == typeof(long) => (long)v,
            sbyte v when target == typeof(float) => (float)v,
            sbyte v when target == typeof(double) => (double)v,
            sbyte v when target == typeof(decimal) => (decimal)v,
            sbyte v when target == typeof(BigInteger) => new BigInteger(v),
            short v when target == typeof(int) => (int)v,
            short v when target == typeof(long) => (long)v,
            short v when target == typeof(float) => (float)v,
            short v when target == typeof(double) => (double)v,
            short v when target == typeof(decimal) => (decimal)v,
            short v when target == typeof(BigInteger) => new BigInteger(v),
            int v when target == typeof(long) => (long)v,
            int v when target == typeof(double) => (double)v,
            int v when target == typeof(decimal) => (decimal)v,
            int v when target == typeof(BigInteger) => new BigInteger(v),
            long v when target == typeof(decimal) => (decimal)v,
            long v when target == typeof(BigInteger) => new BigInteger(v),
            float v when target == typeof(double) => (double)v,
            _ => null!,
        };

        return result is not null;
    }
}
