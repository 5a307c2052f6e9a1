using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>uuid</c> ↔ <see cref="Guid"/>; literals are unquoted.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlUuidTypeMapping : GuidTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlUuidTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlUuidTypeMapping()
        : base("uuid", System.Data.DbType.Guid)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlUuidTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlUuidTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Uuid((Guid)value);
}
