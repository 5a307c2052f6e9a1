using System.Collections;
using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>
/// A value of a CQL user-defined type: its fields in the type's order, each readable and writable by name or position.
/// Fields the server did not send (a value written before a field was added) read as <c>null</c>.
/// </summary>
public sealed class CqlUserDefinedValue : IReadOnlyDictionary<string, object?>
{
    private readonly object?[] _values;

    /// <summary>Creates a value of <paramref name="type"/> with every field null.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a user-defined type.</exception>
    public CqlUserDefinedValue(CqlType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Code != CqlTypeCode.Udt)
        {
            throw new ArgumentException($"A CqlUserDefinedValue needs a user-defined type, not {type}.", nameof(type));
        }

        Type = type;
        _values = new object?[type.Fields.Count];
    }

    /// <summary>The user-defined type.</summary>
    public CqlType Type { get; }

    /// <summary>The number of fields of the type.</summary>
    public int Count => _values.Length;

    /// <summary>The field names, in the type's order.</summary>
    public IEnumerable<string> Keys => Type.Fields.Select(f => f.Key);

    /// <summary>The field values, in the type's order.</summary>
    public IEnumerable<object?> Values => _values;

    /// <summary>The value of the field at <paramref name="index"/> (in the type's order).</summary>
    public object? this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    /// <summary>The value of the field named <paramref name="name"/> (exact name first, then ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">The type has no such field.</exception>
    public object? this[string name]
    {
        get => _values[IndexOfOrThrow(name)];
        set => _values[IndexOfOrThrow(name)] = value;
    }

    /// <summary>The position of the field named <paramref name="name"/>, or -1 (exact name first, then ignoring case).</summary>
    public int IndexOf(string name)
    {
        var fields = Type.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new(Type.Fields[i].Key, _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The value as CQL writes a UDT literal, e.g. <c>{street: 'Main St', number: 3}</c>.</summary>
    public override string ToString()
        => "{" + string.Join(", ", this.Select(f => f.Key + ": " + (f.Value is string s ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'" : f.Value?.ToString() ?? "null"))) + "}";

    private int IndexOfOrThrow(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        if (index < 0)
        {
            throw new KeyNotFoundException(
                $"The user-defined type {Type.Keyspace}.{Type.Name} has no field '{name}'; its fields are: {string.Join(", ", Keys)}.");
        }

        return index;
    }
}
