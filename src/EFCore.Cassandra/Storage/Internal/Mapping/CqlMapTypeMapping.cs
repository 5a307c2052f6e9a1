using System.Collections;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// CQL <c>map&lt;K, V&gt;</c> ↔ <see cref="Dictionary{TKey, TValue}"/>, <see cref="IDictionary{TKey, TValue}"/> or
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/>. Changes to entries are detected; SaveChanges writes the whole map.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlMapTypeMapping : CqlCompositeTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The dictionary type.</param>
    /// <param name="keyType">The key type.</param>
    /// <param name="valueType">The value type.</param>
    /// <param name="keyMapping">The key's mapping.</param>
    /// <param name="valueMapping">The value's mapping.</param>
    public CqlMapTypeMapping(Type clrType, Type keyType, Type valueType, RelationalTypeMapping keyMapping, RelationalTypeMapping valueMapping)
        : base(
            clrType,
            $"map<{NestedStoreTypeOf(keyMapping)}, {NestedStoreTypeOf(valueMapping)}>",
            CqlValueComparers.Map(clrType, keyType, valueType, keyMapping.Comparer, valueMapping.Comparer),
            [keyMapping, valueMapping])
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="elementMappings">The key's and value's mappings.</param>
    protected CqlMapTypeMapping(RelationalTypeMappingParameters parameters, IReadOnlyList<RelationalTypeMapping> elementMappings)
        : base(parameters, elementMappings)
    {
    }

    /// <inheritdoc />
    public override string NestedStoreType => FrozenStoreType;

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlMapTypeMapping(parameters, ElementMappings);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value)
        => "{" + string.Join(
            ", ",
            Entries((IDictionary)value).Select(e => ElementLiteral(ElementMappings[0], e.Key) + ": " + ElementLiteral(ElementMappings[1], e.Value))) + "}";

    // IDictionary's own enumerator: enumerating a Dictionary<K, V> as IEnumerable yields KeyValuePairs, not DictionaryEntries.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }
}
