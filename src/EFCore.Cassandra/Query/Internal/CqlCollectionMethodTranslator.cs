using System.Reflection;

using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Translates membership tests on collection columns: <c>e.Tags.Contains(v)</c> (list, set) and
/// <c>e.Map.ContainsValue(v)</c> → <c>CONTAINS</c>, <c>e.Map.ContainsKey(k)</c> → <c>CONTAINS KEY</c>.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlCollectionMethodTranslator(IRelationalTypeMappingSource typeMappingSource, ISqlExpressionFactory sqlExpressionFactory)
    : IMethodCallTranslator
{
    /// <inheritdoc />
    public virtual SqlExpression? Translate(
        SqlExpression? instance,
        MethodInfo method,
        IReadOnlyList<SqlExpression> arguments,
        IDiagnosticsLogger<DbLoggerCategory.Query> logger)
    {
        SqlExpression collection;
        SqlExpression item;
        if (instance is not null && arguments.Count == 1)
        {
            (collection, item) = (instance, arguments[0]);
        }
        else if (instance is null && arguments.Count == 2 && method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Contains))
        {
            (collection, item) = (arguments[0], arguments[1]);
        }
        else
        {
            return null;
        }

        var boolMapping = typeMappingSource.FindMapping(typeof(bool));
        return (collection.TypeMapping, method.Name) switch
        {
            (CqlSetTypeMapping or CqlListTypeMapping, "Contains") when collection is ColumnExpression
                => Contains(collection, item, ((CqlCompositeTypeMapping)collection.TypeMapping!).ElementMappings[0], key: false, boolMapping),
            (CqlMapTypeMapping map, "ContainsKey") when collection is ColumnExpression
                => Contains(collection, item, map.ElementMappings[0], key: true, boolMapping),
            (CqlMapTypeMapping map, "ContainsValue") when collection is ColumnExpression
                => Contains(collection, item, map.ElementMappings[1], key: false, boolMapping),
            _ => null,
        };
    }

    private CqlContainsExpression Contains(
        SqlExpression collection,
        SqlExpression item,
        RelationalTypeMapping elementMapping,
        bool key,
        RelationalTypeMapping? boolMapping)
        => new(collection, sqlExpressionFactory.ApplyTypeMapping(item, elementMapping), key, boolMapping);
}
