using System.Collections;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// A user-defined type's value (v5 §7): each field as [bytes] in the type's order (null allowed); a value may hold
/// fewer fields than the type (written before fields were added), and the missing trailing fields read as null. Read
/// as <see cref="CqlUserDefinedValue"/>, a <c>Dictionary&lt;string, object?&gt;</c>, or a class/record/struct whose
/// properties or constructor parameters match the field names (ignoring case and underscores). Written from a
/// <see cref="CqlUserDefinedValue"/>, a dictionary keyed by field name, or any object (anonymous too) whose readable
/// properties match field names; fields without a match are written as null.
/// </summary>
internal sealed class UdtCodec : CqlCodec
{
    public static readonly UdtCodec Instance = new();

    public override Type DefaultClrType => typeof(CqlUserDefinedValue);

    public override bool EmptyMeansNull => false;

    public override string ReadableAs => "CqlUserDefinedValue, Dictionary<string, object?>, or a class, record or struct whose properties (or constructor parameters) are named like the fields";

    public override string WritableFrom => "a CqlUserDefinedValue, an IDictionary<string, object?> keyed by field name, or an object (anonymous types too) whose properties are named like the fields";

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type)
    {
        var value = new CqlUserDefinedValue(type);
        var reader = new CqlReader(bytes);
        for (var i = 0; i < type.Fields.Count && reader.Remaining > 0; i++)
        {
            if (reader.TryReadBytes(out var field))
            {
                value[i] = CqlValueCodec.ReadAs(field, type.Fields[i].Value, typeof(object));
            }
        }

        return value;
    }

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target.IsAssignableFrom(typeof(CqlUserDefinedValue)))
        {
            return Read(bytes, type);
        }

        if (target.IsAssignableFrom(typeof(Dictionary<string, object?>)))
        {
            var udt = (CqlUserDefinedValue)Read(bytes, type);
            return udt.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }

        if (target.IsPrimitive || target == typeof(string) || target.IsArray || target.IsInterface || target.IsAbstract)
        {
            throw CannotRead(type, target);
        }

        var mapper = UdtMapper.Get(target, type);
        var reader = new CqlReader(bytes);
        var values = new object?[type.Fields.Count];
        for (var i = 0; i < type.Fields.Count && reader.Remaining > 0; i++)
        {
            var memberType = mapper.MemberType(i);
            if (reader.TryReadBytes(out var field) && memberType is not null)
            {
                values[i] = CqlValueCodec.ReadAs(field, type.Fields[i].Value, memberType);
            }
        }

        return mapper.Create(values);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var fields = type.Fields;
        switch (value)
        {
            case CqlUserDefinedValue udt:
                for (var i = 0; i < fields.Count; i++)
                {
                    var index = ReferenceEquals(udt.Type, type) ? i : udt.IndexOf(fields[i].Key);
                    WriteField(writer, index >= 0 ? udt[index] : null, fields[i].Value);
                }

                CheckUnknownFields(udt.Keys, type);
                break;
            case IDictionary<string, object?> dictionary:
                WriteFromDictionary(writer, dictionary, type);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                WriteFromDictionary(writer, dictionary, type);
                break;
            case IDictionary dictionary:
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    copy[entry.Key as string ?? throw CannotWrite(value, type)] = entry.Value;
                }

                WriteFromDictionary(writer, copy, type);
                break;
            case string or IEnumerable:
                throw CannotWrite(value, type);
            default:
                if (value.GetType().IsPrimitive)
                {
                    throw CannotWrite(value, type);
                }

                var mapper = UdtMapper.Get(value.GetType(), type);
                if (!mapper.HasReadableMembers)
                {
                    throw new InvalidCastException(
                        $"A value of CLR type {CqlConversions.Describe(value.GetType())} cannot be written to the CQL user-defined type {type.Keyspace}.{type.Name}: none of its public properties is named like a field ({string.Join(", ", fields.Select(f => f.Key))}); name them alike (case and underscores are ignored), or pass {"a CqlUserDefinedValue or a dictionary keyed by field name"}.");
                }

                for (var i = 0; i < fields.Count; i++)
                {
                    WriteField(writer, mapper.GetValue(value, i), fields[i].Value);
                }

                break;
        }
    }

    private static void WriteFromDictionary(CqlBufferWriter writer, IEnumerable<KeyValuePair<string, object?>> dictionary, CqlType type)
    {
        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, fieldValue) in dictionary)
        {
            byName[key] = fieldValue;
        }

        foreach (var (name, fieldType) in type.Fields)
        {
            WriteField(writer, byName.GetValueOrDefault(name), fieldType);
        }

        CheckUnknownFields(byName.Keys, type);
    }

    private static void CheckUnknownFields(IEnumerable<string> names, CqlType type)
    {
        foreach (var name in names)
        {
            if (!type.Fields.Any(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException(
                    $"The user-defined type {type.Keyspace}.{type.Name} has no field '{name}'; its fields are: {string.Join(", ", type.Fields.Select(f => f.Key))}.");
            }
        }
    }

    private static void WriteField(CqlBufferWriter writer, object? value, CqlType type)
    {
        if (value is null or DBNull)
        {
            writer.WriteNullBytes();
        }
        else
        {
            CqlValueCodec.WriteBytes(writer, value, type);
        }
    }
}
