using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>timestamp</c> (milliseconds since the Unix epoch, UTC) ↔ <see cref="DateTime"/>. Values are stored with millisecond precision; they are read back as UTC.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTimestampTypeMapping : DateTimeTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlTimestampTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlTimestampTypeMapping()
        : base(
            new RelationalTypeMappingParameters(
                new CoreTypeMappingParameters(typeof(DateTime), comparer: CqlValueComparers.Timestamp, keyComparer: CqlValueComparers.Timestamp),
                "timestamp",
                dbType: System.Data.DbType.DateTime))
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlTimestampTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlTimestampTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Timestamp((DateTime)value);
}
