using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>timestamp</c> ↔ <see cref="DateTimeOffset"/>. Only the instant is stored (millisecond precision): the offset is not, and values are read back with offset zero.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTimestampOffsetTypeMapping : DateTimeOffsetTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlTimestampOffsetTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlTimestampOffsetTypeMapping()
        : base(
            new RelationalTypeMappingParameters(
                new CoreTypeMappingParameters(typeof(DateTimeOffset), comparer: CqlValueComparers.TimestampOffset, keyComparer: CqlValueComparers.TimestampOffset),
                "timestamp",
                dbType: System.Data.DbType.DateTimeOffset))
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlTimestampOffsetTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlTimestampOffsetTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Timestamp((DateTimeOffset)value);
}
