using System.Collections.Concurrent;
using System.Reflection;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// How a CLR type maps onto a user-defined type's fields, matched by name ignoring case and underscores
/// (<c>street_name</c> is <c>StreetName</c>). Built once per (CLR type, UDT) and cached. Reading uses the public
/// parameterless constructor and settable properties, or else the public constructor whose parameters all match fields
/// (positional records); a null or missing field leaves the member at its default.
/// </summary>
internal sealed class UdtMapper
{
    private static readonly ConcurrentDictionary<(Type Clr, CqlType Udt), UdtMapper> Cache = new();

    private readonly Type _clrType;
    private readonly CqlType _udt;
    private readonly PropertyInfo?[] _getters;
    private readonly PropertyInfo?[] _setters;
    private readonly ConstructorInfo? _constructor;
    private readonly int[] _constructorFields = [];
    private readonly Type?[] _memberTypes;

    private UdtMapper(Type clrType, CqlType udt)
    {
        _clrType = clrType;
        _udt = udt;
        var fieldCount = udt.Fields.Count;
        _getters = new PropertyInfo?[fieldCount];
        _setters = new PropertyInfo?[fieldCount];
        _memberTypes = new Type?[fieldCount];

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fieldCount; i++)
        {
            byName.TryAdd(Normalize(udt.Fields[i].Key), i);
        }

        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && byName.TryGetValue(Normalize(property.Name), out var index))
            {
                if (property.GetMethod?.IsPublic == true)
                {
                    _getters[index] = property;
                }

                if (property.SetMethod?.IsPublic == true)
                {
                    _setters[index] = property;
                    _memberTypes[index] = property.PropertyType;
                }
            }
        }

        if (clrType.IsValueType || clrType.GetConstructor(Type.EmptyTypes) is not null)
        {
            return;
        }

        // No parameterless constructor: the public constructor with the most parameters, all of them named like fields.
        foreach (var constructor in clrType.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var fields = new int[parameters.Length];
            var all = parameters.Length > 0;
            for (var p = 0; p < parameters.Length && all; p++)
            {
                all = byName.TryGetValue(Normalize(parameters[p].Name ?? string.Empty), out fields[p]);
            }

            if (all)
            {
                _constructor = constructor;
                _constructorFields = fields;
                Array.Clear(_setters);
                Array.Clear(_memberTypes);
                for (var p = 0; p < parameters.Length; p++)
                {
                    _memberTypes[fields[p]] = parameters[p].ParameterType;
                }

                return;
            }
        }
    }

    /// <summary>The mapping of <paramref name="clrType"/> onto <paramref name="udt"/>.</summary>
    public static UdtMapper Get(Type clrType, CqlType udt) => Cache.GetOrAdd((clrType, udt), static key => new UdtMapper(key.Clr, key.Udt));

    /// <summary>The CLR type a field is read as, or null when the CLR type has nowhere to put it.</summary>
    public Type? MemberType(int field) => _memberTypes[field];

    /// <summary>Builds an instance from the values read for each field (null where absent).</summary>
    public object Create(object?[] values)
    {
        if (_constructor is not null)
        {
            var arguments = new object?[_constructorFields.Length];
            var parameters = _constructor.GetParameters();
            for (var p = 0; p < arguments.Length; p++)
            {
                arguments[p] = values[_constructorFields[p]] ?? (parameters[p].ParameterType.IsValueType ? Activator.CreateInstance(parameters[p].ParameterType) : null);
            }

            return _constructor.Invoke(arguments);
        }

        if (!_clrType.IsValueType && _clrType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidCastException(
                $"A CQL user-defined type {_udt.Keyspace}.{_udt.Name} cannot be read as {CqlConversions.Describe(_clrType)}: it has neither a public parameterless constructor nor a public constructor whose parameters are all named like the fields ({string.Join(", ", _udt.Fields.Select(f => f.Key))}).");
        }

        if (Array.TrueForAll(_setters, s => s is null))
        {
            throw new InvalidCastException(
                $"A CQL user-defined type {_udt.Keyspace}.{_udt.Name} cannot be read as {CqlConversions.Describe(_clrType)}: none of its settable public properties is named like a field ({string.Join(", ", _udt.Fields.Select(f => f.Key))}); name them alike (case and underscores are ignored) or read it as CqlUserDefinedValue.");
        }

        var instance = Activator.CreateInstance(_clrType)!;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not null)
            {
                _setters[i]?.SetValue(instance, values[i]);
            }
        }

        return instance;
    }

    /// <summary>Whether any field has a readable property to write it from.</summary>
    public bool HasReadableMembers => Array.Exists(_getters, g => g is not null);

    /// <summary>The value of the member mapped to a field, or null when none is.</summary>
    public object? GetValue(object instance, int field) => _getters[field]?.GetValue(instance);

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
