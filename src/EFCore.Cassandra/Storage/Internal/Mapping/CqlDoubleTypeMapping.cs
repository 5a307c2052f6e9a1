using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>double</c> (64-bit IEEE 754) ↔ <see cref="double"/>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlDoubleTypeMapping : DoubleTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlDoubleTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlDoubleTypeMapping()
        : base("double", System.Data.DbType.Double)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlDoubleTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlDoubleTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Double(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
}
