using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>tinyint</c> (signed 8-bit, Cassandra 2.2+) ↔ <see cref="sbyte"/>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTinyintTypeMapping : SByteTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlTinyintTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlTinyintTypeMapping()
        : base("tinyint", System.Data.DbType.SByte)
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlTinyintTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlTinyintTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => Convert.ToSByte(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
