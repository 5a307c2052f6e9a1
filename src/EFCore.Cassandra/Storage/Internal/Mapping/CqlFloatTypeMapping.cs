using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>float</c> (32-bit IEEE 754) ↔ <see cref="float"/>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlFloatTypeMapping : FloatTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlFloatTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlFloatTypeMapping()
        : base("float", System.Data.DbType.Single)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlFloatTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlFloatTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Float(Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture));
}
