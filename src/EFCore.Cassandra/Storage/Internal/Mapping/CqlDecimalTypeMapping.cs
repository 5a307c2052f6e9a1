using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>decimal</c> (arbitrary precision) ↔ <see cref="decimal"/>. Precision and scale configured in the model are not part of the CQL type.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlDecimalTypeMapping : DecimalTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlDecimalTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlDecimalTypeMapping()
        : base(new RelationalTypeMappingParameters(new CoreTypeMappingParameters(typeof(decimal)), "decimal", StoreTypePostfix.None, System.Data.DbType.Decimal))
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlDecimalTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlDecimalTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Decimal(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
}
