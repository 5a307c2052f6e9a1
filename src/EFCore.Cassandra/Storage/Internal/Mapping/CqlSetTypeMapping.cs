using System.Collections;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// CQL <c>set&lt;T&gt;</c> ↔ <see cref="HashSet{T}"/>, <see cref="ISet{T}"/> or <see cref="IReadOnlySet{T}"/>.
/// Changes to the elements (also inside an element: a UDT field, a blob's bytes) are detected; SaveChanges writes the whole set.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlSetTypeMapping : CqlCompositeTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The collection type.</param>
    /// <param name="elementType">The element type.</param>
    /// <param name="elementMapping">The element's mapping.</param>
    public CqlSetTypeMapping(Type clrType, Type elementType, RelationalTypeMapping elementMapping)
        : base(clrType, $"set<{NestedStoreTypeOf(elementMapping)}>", CqlValueComparers.Set(clrType, elementType, elementMapping.Comparer), [elementMapping])
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="elementMappings">The element's mapping.</param>
    protected CqlSetTypeMapping(RelationalTypeMappingParameters parameters, IReadOnlyList<RelationalTypeMapping> elementMappings)
        : base(parameters, elementMappings)
    {
    }

    /// <inheritdoc />
    public override string NestedStoreType => FrozenStoreType;

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlSetTypeMapping(parameters, ElementMappings);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value)
        => "{" + string.Join(", ", ((IEnumerable)value).Cast<object?>().Select(e => ElementLiteral(ElementMappings[0], e))) + "}";
}
