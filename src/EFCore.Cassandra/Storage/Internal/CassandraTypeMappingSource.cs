using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// Maps CLR types to CQL types and back: one <see cref="RelationalTypeMapping"/> per CQL type, found by CLR type or by
/// CQL type name (as given to <c>HasColumnType</c>).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraTypeMappingSource(
    TypeMappingSourceDependencies dependencies,
    RelationalTypeMappingSourceDependencies relationalDependencies)
    : RelationalTypeMappingSource(dependencies, relationalDependencies)
{
    private static readonly Dictionary<Type, RelationalTypeMapping> ClrTypeMappings = new()
    {
        [typeof(string)] = CqlTextTypeMapping.Default,
        [typeof(Guid)] = CqlUuidTypeMapping.Default,
        [typeof(int)] = CqlIntTypeMapping.Default,
        [typeof(long)] = CqlBigintTypeMapping.Default,
        [typeof(short)] = CqlSmallintTypeMapping.Default,
        [typeof(sbyte)] = CqlTinyintTypeMapping.Default,
        [typeof(bool)] = CqlBooleanTypeMapping.Default,
        [typeof(double)] = CqlDoubleTypeMapping.Default,
        [typeof(float)] = CqlFloatTypeMapping.Default,
        [typeof(decimal)] = CqlDecimalTypeMapping.Default,
        [typeof(DateTime)] = CqlTimestampTypeMapping.Default,
        [typeof(DateTimeOffset)] = CqlTimestampOffsetTypeMapping.Default,
        [typeof(byte[])] = CqlBlobTypeMapping.Default,
    };

    // CQL type names are case-insensitive; varchar is an alias of text. Where one CQL type serves several CLR types
    // (timestamp), the first is the one used when only the store type is known.
    private static readonly Dictionary<string, RelationalTypeMapping[]> StoreTypeMappings
        = new(StringComparer.OrdinalIgnoreCase)
        {
            ["text"] = [CqlTextTypeMapping.Default],
            ["varchar"] = [CqlTextTypeMapping.Default],
            ["uuid"] = [CqlUuidTypeMapping.Default],
            ["int"] = [CqlIntTypeMapping.Default],
            ["bigint"] = [CqlBigintTypeMapping.Default],
            ["smallint"] = [CqlSmallintTypeMapping.Default],
            ["tinyint"] = [CqlTinyintTypeMapping.Default],
            ["boolean"] = [CqlBooleanTypeMapping.Default],
            ["double"] = [CqlDoubleTypeMapping.Default],
            ["float"] = [CqlFloatTypeMapping.Default],
            ["decimal"] = [CqlDecimalTypeMapping.Default],
            ["timestamp"] = [CqlTimestampTypeMapping.Default, CqlTimestampOffsetTypeMapping.Default],
            ["blob"] = [CqlBlobTypeMapping.Default],
        };

    /// <inheritdoc />
    protected override RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
        => FindCqlMapping(mappingInfo) ?? base.FindMapping(mappingInfo);

    private static RelationalTypeMapping? FindCqlMapping(in RelationalTypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType;
        var storeTypeName = mappingInfo.StoreTypeNameBase ?? mappingInfo.StoreTypeName;

        if (storeTypeName is not null)
        {
            if (!StoreTypeMappings.TryGetValue(storeTypeName.Trim(), out var candidates))
            {
                return null;
            }

            return clrType is null
                ? candidates[0]
                : Array.Find(candidates, m => m.ClrType == clrType);
        }

        return clrType is not null && ClrTypeMappings.TryGetValue(clrType, out var mapping) ? mapping : null;
    }
}
