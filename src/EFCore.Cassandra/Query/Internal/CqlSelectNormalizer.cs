using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Rewrites what relational translation produces into what CQL writes: a boolean column used as a condition
/// (<c>Where(e => e.Flag)</c>, <c>!e.Flag</c>) becomes <c>"Flag" = true</c> / <c>= false</c>, and the
/// <c>COALESCE(sum(x), 0)</c> EF puts around Sum becomes <c>sum(x)</c> (CQL's sum of no rows is already 0).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlSelectNormalizer(ISqlExpressionFactory sqlExpressionFactory) : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case ShapedQueryExpression { QueryExpression: SelectExpression select } shaped:
                return shaped.Update(Normalize(select), Visit(shaped.ShaperExpression));

            case ShapedQueryExpression:
                return node;

            case SelectExpression select:
                return Normalize(select);

            default:
                return base.VisitExtension(node);
        }
    }

    private SelectExpression Normalize(SelectExpression select)
    {
        var predicate = select.Predicate is { } p ? Condition(p) : null;
        var projection = select.Projection.Select(e => e.Expression is SqlFunctionExpression { Name: "COUNT", Type: var type } count
            && type == typeof(int) && count.TypeMapping is not CqlCountTypeMapping
            ? e.Update(new SqlFunctionExpression(count.Name, count.Arguments!, count.IsNullable, count.ArgumentsPropagateNullability!, typeof(int), CqlCountTypeMapping.Default))
            : e.Expression is SqlFunctionExpression
        {
            Name: var name, Arguments: [SqlFunctionExpression { Name: var inner } sum, SqlConstantExpression]
        } && string.Equals(name, "COALESCE", StringComparison.OrdinalIgnoreCase) && string.Equals(inner, "SUM", StringComparison.OrdinalIgnoreCase)
            ? e.Update(sum)
            : e).ToList();

        return predicate == select.Predicate && projection.SequenceEqual(select.Projection)
            ? select
            : select.Update(select.Tables, predicate, select.GroupBy, select.Having, projection, select.Orderings, select.Offset, select.Limit);
    }

    private SqlExpression Condition(SqlExpression condition)
        => condition switch
        {
            SqlBinaryExpression { OperatorType: ExpressionType.AndAlso } and
                => and.Update(Condition(and.Left), Condition(and.Right)),
            // CQL writes the column first: "value < column" becomes "column > value".
            SqlBinaryExpression { Left: SqlParameterExpression or SqlConstantExpression, Right: ColumnExpression } comparison
                when Flip(comparison.OperatorType) is { } flipped
                => new SqlBinaryExpression(flipped, comparison.Right, comparison.Left, comparison.Type, comparison.TypeMapping),
            ColumnExpression column when column.Type == typeof(bool)
                => sqlExpressionFactory.Equal(column, sqlExpressionFactory.Constant(true, column.TypeMapping)),
            SqlUnaryExpression { OperatorType: ExpressionType.Not, Operand: ColumnExpression column } when column.Type == typeof(bool)
                => sqlExpressionFactory.Equal(column, sqlExpressionFactory.Constant(false, column.TypeMapping)),
            _ => condition,
        };

    private static ExpressionType? Flip(ExpressionType operatorType)
        => operatorType switch
        {
            ExpressionType.Equal => ExpressionType.Equal,
            ExpressionType.LessThan => ExpressionType.GreaterThan,
            ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
            ExpressionType.GreaterThan => ExpressionType.LessThan,
            ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
            _ => null,
        };
}
