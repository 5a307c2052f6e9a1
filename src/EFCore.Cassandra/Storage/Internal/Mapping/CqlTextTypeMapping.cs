using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>text</c> (UTF-8) ↔ <see cref="string"/>. Lengths configured in the model are not part of the CQL type.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTextTypeMapping : StringTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlTextTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlTextTypeMapping()
        : base(new RelationalTypeMappingParameters(new CoreTypeMappingParameters(typeof(string)), "text", StoreTypePostfix.None, System.Data.DbType.String, unicode: true))
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlTextTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlTextTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.String((string)value);
}
