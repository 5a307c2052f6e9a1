using System.Globalization;
using System.Net;
using System.Numerics;
using System.Reflection;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Metadata.Attributes;
using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// Maps CLR types to CQL types and back: one <see cref="RelationalTypeMapping"/> per CQL type, found by CLR type or by
/// CQL type name (as given to <c>HasColumnType</c>); collections, value tuples and <c>[UserDefinedType]</c> classes
/// are mapped from the mappings of their components. Enums get EF's value converter to their underlying integer,
/// also as elements of collections and tuples (the collection gets a converter of the whole value).
/// </summary>
/// <remarks>
/// A string property with <c>IsUnicode(false)</c> maps to <c>ascii</c>; a <see cref="Guid"/> with
/// <c>HasColumnType("timeuuid")</c> to <c>timeuuid</c>; a <see cref="long"/> with <c>IsCounter()</c> to
/// <c>counter</c>. Timestamps are UTC with millisecond precision: finer ticks are dropped on write.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraTypeMappingSource(
    TypeMappingSourceDependencies dependencies,
    RelationalTypeMappingSourceDependencies relationalDependencies)
    : RelationalTypeMappingSource(dependencies, relationalDependencies)
{
    private static readonly CqlScalarTypeMapping Date = new(typeof(DateOnly), "date", v => "'" + ((DateOnly)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'");
    private static readonly CqlScalarTypeMapping Time = new(typeof(TimeOnly), "time", v => "'" + ((TimeOnly)v).ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "'");
    private static readonly CqlScalarTypeMapping Duration = new(typeof(CqlDuration), "duration", v => v.ToString()!);
    private static readonly CqlScalarTypeMapping Varint = new(typeof(BigInteger), "varint", v => ((BigInteger)v).ToString(CultureInfo.InvariantCulture));
    private static readonly CqlScalarTypeMapping Inet = new(typeof(IPAddress), "inet", v => "'" + v + "'");
    private static readonly CqlScalarTypeMapping TimeUuidMapping = new(typeof(TimeUuid), "timeuuid", v => CqlLiterals.Uuid((Guid)(TimeUuid)v));
    private static readonly RelationalTypeMapping GuidTimeuuid = CqlUuidTypeMapping.Default.WithStoreTypeAndSize("timeuuid", null);
    private static readonly RelationalTypeMapping Ascii = CqlTextTypeMapping.Default.WithStoreTypeAndSize("ascii", null);
    private static readonly RelationalTypeMapping Counter = CqlBigintTypeMapping.Default.WithStoreTypeAndSize("counter", null);

    private static readonly Dictionary<Type, RelationalTypeMapping> ClrTypeMappings = new()
    {
        [typeof(string)] = CqlTextTypeMapping.Default,
        [typeof(Guid)] = CqlUuidTypeMapping.Default,
        [typeof(int)] = CqlIntTypeMapping.Default,
        [typeof(long)] = CqlBigintTypeMapping.Default,
        [typeof(short)] = CqlSmallintTypeMapping.Default,
        [typeof(sbyte)] = CqlTinyintTypeMapping.Default,
        [typeof(bool)] = CqlBooleanTypeMapping.Default,
        [typeof(double)] = CqlDoubleTypeMapping.Default,
        [typeof(float)] = CqlFloatTypeMapping.Default,
        [typeof(decimal)] = CqlDecimalTypeMapping.Default,
        [typeof(DateTime)] = CqlTimestampTypeMapping.Default,
        [typeof(DateTimeOffset)] = CqlTimestampOffsetTypeMapping.Default,
        [typeof(byte[])] = CqlBlobTypeMapping.Default,
        [typeof(DateOnly)] = Date,
        [typeof(TimeOnly)] = Time,
        [typeof(CqlDuration)] = Duration,
        [typeof(BigInteger)] = Varint,
        [typeof(IPAddress)] = Inet,
        [typeof(TimeUuid)] = TimeUuidMapping,
    };

    // CQL type names are case-insensitive; varchar is an alias of text. Where one CQL type serves several CLR types
    // (timestamp), the first is the one used when only the store type is known.
    private static readonly Dictionary<string, RelationalTypeMapping[]> StoreTypeMappings
        = new(StringComparer.OrdinalIgnoreCase)
        {
            ["text"] = [CqlTextTypeMapping.Default],
            ["varchar"] = [CqlTextTypeMapping.Default],
            ["ascii"] = [Ascii],
            ["uuid"] = [CqlUuidTypeMapping.Default],
            ["timeuuid"] = [TimeUuidMapping, GuidTimeuuid],
            ["int"] = [CqlIntTypeMapping.Default],
            ["bigint"] = [CqlBigintTypeMapping.Default],
            ["counter"] = [Counter],
            ["smallint"] = [CqlSmallintTypeMapping.Default],
            ["tinyint"] = [CqlTinyintTypeMapping.Default],
            ["boolean"] = [CqlBooleanTypeMapping.Default],
            ["double"] = [CqlDoubleTypeMapping.Default],
            ["float"] = [CqlFloatTypeMapping.Default],
            ["decimal"] = [CqlDecimalTypeMapping.Default],
            ["timestamp"] = [CqlTimestampTypeMapping.Default, CqlTimestampOffsetTypeMapping.Default],
            ["blob"] = [CqlBlobTypeMapping.Default],
            ["date"] = [Date],
            ["time"] = [Time],
            ["duration"] = [Duration],
            ["varint"] = [Varint],
            ["inet"] = [Inet],
        };

    /// <inheritdoc />
    protected override RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
        => Frozen(FindCqlMapping(mappingInfo), mappingInfo.StoreTypeName) ?? base.FindMapping(mappingInfo);

    /// <summary>
    /// A collection configured as <c>frozen&lt;…&gt;</c> (<c>HasColumnType("frozen&lt;list&lt;int&gt;&gt;")</c>, as
    /// scaffolding writes it) keeps the frozen: it is a different column type, so the DDL must say it. The mapping is
    /// found through the CLR type or the unfrozen type, which know nothing of it. Tuples and user-defined types are
    /// frozen already.
    /// </summary>
    private static RelationalTypeMapping? Frozen(RelationalTypeMapping? mapping, string? configuredStoreType)
        => mapping is CqlListTypeMapping or CqlSetTypeMapping or CqlMapTypeMapping
           && configuredStoreType is not null
           && configuredStoreType.TrimStart().StartsWith("frozen", StringComparison.OrdinalIgnoreCase)
           && configuredStoreType.TrimStart()[6..].TrimStart().StartsWith('<')
           && !((CqlCompositeTypeMapping)mapping).IsFrozen
            ? mapping.WithStoreTypeAndSize(((CqlCompositeTypeMapping)mapping).FrozenStoreType, null)
            : mapping;

    private RelationalTypeMapping? FindCqlMapping(in RelationalTypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType;
        var storeTypeName = mappingInfo.StoreTypeNameBase ?? mappingInfo.StoreTypeName;

        if (storeTypeName is not null && StoreTypeMappings.TryGetValue(storeTypeName.Trim(), out var candidates))
        {
            return clrType is null ? candidates[0] : Array.Find(candidates, m => m.ClrType == clrType);
        }

        if (clrType is null)
        {
            // Only the store type is known (scaffolding, HasColumnType without a CLR type): a collection or tuple
            // type maps to the CLR collection of its components' default CLR types.
            return storeTypeName is not null && ClrTypeForStoreType(storeTypeName.Trim()) is { } storeClrType
                ? FindCompositeMapping(storeClrType)
                : null;
        }

        if (ClrTypeMappings.TryGetValue(clrType, out var mapping))
        {
            return clrType == typeof(string) && mappingInfo.IsUnicode == false ? Ascii : mapping;
        }

        return FindCompositeMapping(clrType)
            ?? (storeTypeName is null ? null : UserDefinedTypeColumn(clrType, storeTypeName.Trim()));
    }

    /// <summary>
    /// A column whose type names a user-defined type (<c>frozen&lt;"address"&gt;</c>, or a list of them) and whose
    /// CLR type is a class without <c>[UserDefinedType]</c>: a complex property, which the
    /// <see cref="Metadata.Conventions.CassandraComplexTypeConvention"/> turned into such a column, or its column in a
    /// migration snapshot. The class maps like a <c>[UserDefinedType]</c> class; classes of its fields that have no
    /// mapping of their own become nested user-defined types named by the same rule.
    /// </summary>
    private RelationalTypeMapping? UserDefinedTypeColumn(Type clrType, string storeType)
    {
        var unfrozen = storeType.StartsWith("frozen", StringComparison.OrdinalIgnoreCase) && storeType[6..].TrimStart() is ['<', .. var inner, '>']
            ? inner.Trim()
            : storeType;
        if (ListElementType(clrType) is { } elementType)
        {
            return unfrozen.StartsWith("list<", StringComparison.OrdinalIgnoreCase) && unfrozen.EndsWith('>')
                && UserDefinedTypeColumn(elementType, unfrozen[5..^1].Trim()) is CqlUserDefinedTypeMapping element
                    ? new CqlListTypeMapping(clrType, elementType, element)
                    : null;
        }

        return CqlUserDefinedTypeNames.FindName(storeType) is { } name ? UserDefinedType(clrType, name, nested: []) : null;
    }

    // A field of a complex type that has no mapping of its own: a nested class (or a list of them) becomes a nested
    // user-defined type.
    private RelationalTypeMapping? NestedUserDefinedType(Type type, HashSet<Type> nested)
    {
        if (ListElementType(type) is { } elementType)
        {
            return NestedUserDefinedType(elementType, nested) is CqlUserDefinedTypeMapping element
                ? new CqlListTypeMapping(type, elementType, element)
                : null;
        }

        return type.IsGenericType || type.IsPrimitive || type.IsEnum || type.IsInterface || type.IsAbstract || type.IsArray
               || type == typeof(string) || type == typeof(object) || Nullable.GetUnderlyingType(type) is not null
            ? null
            : UserDefinedType(type, CqlUserDefinedTypeNames.NameOf(type), nested);
    }

    // T of T[], List<T>, IList<T> and IReadOnlyList<T>: the CLR shapes of a CQL list.
    private static Type? ListElementType(Type type)
        => type.IsArray && type.GetArrayRank() == 1 && type != typeof(byte[]) ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
              && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>))
                ? type.GetGenericArguments()[0]
                : null;

    /// <summary>
    /// The CLR type a CQL type reads into when nothing else is known: the first mapping of a scalar type,
    /// <see cref="List{T}"/>, <see cref="HashSet{T}"/> and <see cref="Dictionary{TKey, TValue}"/> for collections, a
    /// value tuple for a tuple; <c>frozen&lt;…&gt;</c> is looked through. Null for user-defined and custom types.
    /// </summary>
    private static Type? ClrTypeForStoreType(string storeType)
    {
        if (StoreTypeMappings.TryGetValue(storeType, out var scalar))
        {
            return scalar[0].ClrType;
        }

        var open = storeType.IndexOf('<', StringComparison.Ordinal);
        if (open <= 0 || !storeType.EndsWith('>'))
        {
            return null;
        }

        var arguments = SplitTypeArguments(storeType[(open + 1)..^1]);
        var components = new Type[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (ClrTypeForStoreType(arguments[i]) is not { } component)
            {
                return null;
            }

            components[i] = component;
        }

        return (storeType[..open].Trim().ToLowerInvariant(), components.Length) switch
        {
            ("frozen", 1) => components[0],
            ("list", 1) => typeof(List<>).MakeGenericType(components),
            ("set", 1) => typeof(HashSet<>).MakeGenericType(components),
            ("map", 2) => typeof(Dictionary<,>).MakeGenericType(components),
            ("tuple", > 0 and <= 7) => Type.GetType("System.ValueTuple`" + components.Length.ToString(CultureInfo.InvariantCulture), throwOnError: true)!
                .MakeGenericType(components),
            _ => null,
        };
    }

    // "text, frozen<map<int, text>>" -> ["text", "frozen<map<int, text>>"]: commas at nesting depth zero only.
    private static List<string> SplitTypeArguments(string arguments)
    {
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    result.Add(arguments[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        result.Add(arguments[start..].Trim());
        return result;
    }

    /// <summary>
    /// A list, set, map, tuple or user-defined type whose components are all mapped. A component with a value
    /// converter (an enum) is stored as its provider type: the collection maps like the same collection of provider
    /// values (<c>List&lt;Mood&gt;</c> as <c>list&lt;int&gt;</c>) with a converter of the whole value, and a comparer
    /// that compares the elements as the model sees them.
    /// </summary>
    private RelationalTypeMapping? FindCompositeMapping(Type clrType)
    {
        if (clrType.GetCustomAttribute<UserDefinedTypeAttribute>() is not null)
        {
            return UserDefinedType(clrType, CqlUserDefinedTypeNames.NameOf(clrType), nested: null);
        }

        if (clrType.IsArray && clrType.GetArrayRank() == 1)
        {
            var arrayElementType = clrType.GetElementType()!;
            return Component(arrayElementType) is not { } arrayElement ? null
                : arrayElement.Converter is null ? new CqlListTypeMapping(clrType, arrayElementType, arrayElement)
                : Converted(
                    clrType,
                    ProviderType(arrayElementType, arrayElement).MakeArrayType(),
                    p => CqlCompositeConverters.Sequence(clrType, p, arrayElement.Converter),
                    CqlValueComparers.Sequence(clrType, arrayElementType, arrayElement.Comparer));
        }

        if (!clrType.IsGenericType)
        {
            return null;
        }

        var definition = clrType.GetGenericTypeDefinition();
        var arguments = clrType.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>))
        {
            return Component(arguments[0]) is not { } element ? null
                : element.Converter is null ? new CqlListTypeMapping(clrType, arguments[0], element)
                : Converted(
                    clrType,
                    typeof(List<>).MakeGenericType(ProviderType(arguments[0], element)),
                    p => CqlCompositeConverters.Sequence(clrType, p, element.Converter),
                    CqlValueComparers.Sequence(clrType, arguments[0], element.Comparer));
        }

        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            return Component(arguments[0]) is not { } element ? null
                : element.Converter is null ? new CqlSetTypeMapping(clrType, arguments[0], element)
                : Converted(
                    clrType,
                    typeof(HashSet<>).MakeGenericType(ProviderType(arguments[0], element)),
                    p => CqlCompositeConverters.Set(clrType, p, element.Converter),
                    CqlValueComparers.Set(clrType, arguments[0], element.Comparer));
        }

        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            return Component(arguments[0]) is not { } key || Component(arguments[1]) is not { } value ? null
                : key.Converter is null && value.Converter is null ? new CqlMapTypeMapping(clrType, arguments[0], arguments[1], key, value)
                : Converted(
                    clrType,
                    typeof(Dictionary<,>).MakeGenericType(ProviderType(arguments[0], key), ProviderType(arguments[1], value)),
                    p => CqlCompositeConverters.Map(clrType, p, key.Converter, value.Converter),
                    CqlValueComparers.Map(clrType, arguments[0], arguments[1], key.Comparer, value.Comparer));
        }

        if (clrType.IsValueType && clrType.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal) && arguments.Length <= 7)
        {
            var components = arguments.Select(Component).ToList();
            if (components.Any(c => c is null))
            {
                return null;
            }

            return components.All(c => c!.Converter is null) ? new CqlTupleTypeMapping(clrType, components!)
                : Converted(
                    clrType,
                    definition.MakeGenericType(arguments.Select((a, i) => ProviderType(a, components[i]!)).ToArray()),
                    p => CqlCompositeConverters.Tuple(clrType, p, components.Select(c => c!.Converter).ToList()),
                    CqlValueComparers.Tuple(clrType, components.Select(c => c!.Comparer).ToList()));
        }

        return null;
    }

    /// <summary>
    /// The mapping of <paramref name="providerType"/> (the same collection of the components' provider types) with
    /// <paramref name="converter"/> composed on it, so that the model sees <paramref name="clrType"/>; the
    /// <paramref name="comparer"/> compares model values.
    /// </summary>
    private RelationalTypeMapping? Converted(
        Type clrType, Type providerType, Func<Type, ValueConverter> converter, ValueComparer comparer)
        => FindCompositeMapping(providerType) is { Converter: null } providerMapping
            ? (RelationalTypeMapping)providerMapping.WithComposedConverter(converter(providerType), comparer, comparer, elementMapping: null, jsonValueReaderWriter: null)
            : null;

    // The CLR type a component is bound as: its converter's provider type (nullable when the component is).
    private static Type ProviderType(Type componentType, RelationalTypeMapping mapping)
    {
        if (mapping.Converter is not { } converter)
        {
            return componentType;
        }

        var provider = converter.ProviderClrType;
        return Nullable.GetUnderlyingType(componentType) is not null && provider.IsValueType && Nullable.GetUnderlyingType(provider) is null
            ? typeof(Nullable<>).MakeGenericType(provider)
            : provider;
    }

    // nested: the classes being mapped when fields of unmapped classes become nested types (a complex type), else
    // null; a class that contains itself cannot be a user-defined type.
    private CqlUserDefinedTypeMapping? UserDefinedType(Type clrType, string name, HashSet<Type>? nested)
    {
        if ((clrType.GetConstructor(Type.EmptyTypes) is null && !clrType.IsValueType) || nested?.Add(clrType) == false)
        {
            return null;
        }

        try
        {
            return UserDefinedTypeFields(clrType, name, nested);
        }
        finally
        {
            nested?.Remove(clrType);
        }
    }

    private CqlUserDefinedTypeMapping? UserDefinedTypeFields(Type clrType, string name, HashSet<Type>? nested)
    {
        var fields = new List<(PropertyInfo, string, RelationalTypeMapping)>();
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod?.IsPublic != true || property.SetMethod?.IsPublic != true)
            {
                continue;
            }

            // The driver binds a UDT's fields as they are: a field that needs a converter cannot be mapped.
            if ((Component(property.PropertyType) ?? (nested is null ? null : NestedUserDefinedType(property.PropertyType, nested)))
                is not { Converter: null } fieldMapping)
            {
                return null;
            }

            fields.Add((property, property.Name.ToLowerInvariant(), fieldMapping));
        }

        return fields.Count == 0 ? null : new CqlUserDefinedTypeMapping(clrType, name, fields);
    }

    // A component's mapping, with the converter EF chose for it (an enum's, to its underlying integer) if any; the
    // composite converts the components before the driver's codecs see the value.
    private RelationalTypeMapping? Component(Type type) => FindMapping(Nullable.GetUnderlyingType(type) ?? type);
}
