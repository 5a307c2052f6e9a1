using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>boolean</c> ↔ <see cref="bool"/>; literals are <c>true</c>/<c>false</c>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlBooleanTypeMapping : BoolTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlBooleanTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlBooleanTypeMapping()
        : base("boolean", System.Data.DbType.Boolean)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlBooleanTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlBooleanTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Boolean((bool)value);
}
