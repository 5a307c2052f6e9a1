using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// CQL <c>frozen&lt;tuple&lt;...&gt;&gt;</c> ↔ a <see cref="ValueTuple"/> of up to seven mapped components. Tuples are
/// always frozen: written and compared whole.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTupleTypeMapping : CqlCompositeTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The value tuple type.</param>
    /// <param name="componentMappings">One mapping per component.</param>
    public CqlTupleTypeMapping(Type clrType, IReadOnlyList<RelationalTypeMapping> componentMappings)
        : base(
            clrType,
            $"frozen<tuple<{string.Join(", ", componentMappings.Select(NestedStoreTypeOf))}>>",
            CqlValueComparers.Tuple(clrType, componentMappings.Select(m => m.Comparer).ToList()),
            componentMappings)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="elementMappings">One mapping per component.</param>
    protected CqlTupleTypeMapping(RelationalTypeMappingParameters parameters, IReadOnlyList<RelationalTypeMapping> elementMappings)
        : base(parameters, elementMappings)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlTupleTypeMapping(parameters, ElementMappings);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value)
    {
        var tuple = (ITuple)value;
        return "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => ElementLiteral(ElementMappings[i], tuple[i]))) + ")";
    }
}
