using System.Linq.Expressions;

using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Translates the LINQ operators whose relational translation CQL cannot print: <c>Any</c> becomes a read of one key
/// column with <c>LIMIT 1</c> (true when a row comes back) instead of <c>EXISTS</c>; <c>All</c>, which needs the
/// negation of its condition, fails with the remedy.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryableMethodTranslatingExpressionVisitor(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
    RelationalQueryableMethodTranslatingExpressionVisitorDependencies relationalDependencies,
    RelationalQueryCompilationContext queryCompilationContext)
    : RelationalQueryableMethodTranslatingExpressionVisitor(dependencies, relationalDependencies, queryCompilationContext)
{
    /// <summary>
    /// <c>Any()</c> / <c>Any(predicate)</c>: <c>SELECT "firstPartitionKeyColumn" FROM ... WHERE ... LIMIT 1</c>; the
    /// result is whether a row came back. The filter follows CQL's rules like any other query's.
    /// </summary>
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAny(ShapedQueryExpression source, LambdaExpression? predicate)
    {
        if (predicate is not null)
        {
            var filtered = TranslateWhere(source, predicate);
            if (filtered is null)
            {
                return null;
            }

            source = filtered;
        }

        var select = (SelectExpression)source.QueryExpression;
        if (select.Tables is [FromSqlExpression])
        {
            AddTranslationErrorDetails(CassandraQueryStrings.FromSqlComposition("Any()"));
            return null;
        }

        if (select.Limit is not null || select.Offset is not null || select.IsDistinct
            || select.Tables is not [TableExpression table] || select.GroupBy.Count > 0)
        {
            AddTranslationErrorDetails(CassandraQueryStrings.AnyAfterOperatorDetails);
            return null;
        }

        var entityType = table.Table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>().FirstOrDefault(e => e.BaseType is null);
        var keyProperty = entityType?.GetPartitionKeyProperties().FirstOrDefault();
        if (keyProperty is null)
        {
            return null;
        }

        var columnName = keyProperty.GetColumnName(StoreObjectIdentifier.Table(table.Name, table.Schema)) ?? keyProperty.Name;
        var column = select.CreateColumnExpression(table, columnName, keyProperty.ClrType, keyProperty.GetRelationalTypeMapping(), columnNullable: false);

        // Existence needs no order; CQL would refuse an order the filter does not allow anyway.
        select.ClearOrdering();
        select.ReplaceProjection(new Dictionary<ProjectionMember, Expression> { [new ProjectionMember()] = column });
        select.ApplyLimit(RelationalDependencies.SqlExpressionFactory.Constant(1, RelationalDependencies.TypeMappingSource.FindMapping(typeof(int))));

        // One row at most; no row at all means false (the default of the SingleOrDefault cardinality).
        var shaper = Expression.NotEqual(
            Expression.Convert(new ProjectionBindingExpression(select, new ProjectionMember(), column.Type), typeof(object)),
            Expression.Constant(null, typeof(object)));
        return source.UpdateShaperExpression(shaper).UpdateResultCardinality(ResultCardinality.SingleOrDefault);
    }

    /// <summary>
    /// <c>All(predicate)</c> is "no row fails the predicate", which needs the negation of the predicate; CQL's WHERE has
    /// no NOT, !=, OR or IS NULL, so it fails at translation with the remedy.
    /// </summary>
    /// <inheritdoc />
    protected override ShapedQueryExpression? TranslateAll(ShapedQueryExpression source, LambdaExpression predicate)
    {
        AddTranslationErrorDetails(CassandraQueryStrings.AllDetails);
        return null;
    }    /// <summary>When a value of an ExecuteUpdate setter cannot be translated, says what CQL's UPDATE can set.</summary>
    /// <inheritdoc />
    protected override UpdateExpression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
    {
        var update = base.TranslateExecuteUpdate(source, setters);
        if (update is null)
        {
            AddTranslationErrorDetails(CassandraQueryStrings.ExecuteUpdateValueDetails);
        }

        return update;
    }
}
