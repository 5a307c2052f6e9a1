using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Reads a translated WHERE clause as the list of CQL restrictions it is made of (conditions joined by AND), and
/// refuses any condition CQL cannot evaluate: OR, NOT, !=, null tests, comparisons between columns, functions or
/// arithmetic on columns, subqueries.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlWhereClauseReader
{
    /// <summary>The restrictions of <paramref name="predicate"/>, in order.</summary>
    public static List<CqlRestriction> Read(SqlExpression? predicate)
    {
        var restrictions = new List<CqlRestriction>();
        if (predicate is not null)
        {
            Add(predicate, restrictions);
        }

        return restrictions;
    }

    private static void Add(SqlExpression predicate, List<CqlRestriction> restrictions)
    {
        switch (predicate)
        {
            case SqlBinaryExpression { OperatorType: ExpressionType.AndAlso } and:
                Add(and.Left, restrictions);
                Add(and.Right, restrictions);
                return;

            case SqlBinaryExpression { OperatorType: ExpressionType.OrElse }:
                throw new InvalidOperationException(CassandraQueryStrings.Or);

            case SqlBinaryExpression { OperatorType: ExpressionType.NotEqual } notEqual:
                throw new InvalidOperationException(CassandraQueryStrings.NotEqual(ColumnName(notEqual.Left) ?? ColumnName(notEqual.Right) ?? "?"));

            case SqlBinaryExpression { OperatorType: ExpressionType.Equal or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual } comparison:
                restrictions.Add(Comparison(comparison));
                return;

            case SqlUnaryExpression { OperatorType: ExpressionType.Equal or ExpressionType.NotEqual } nullTest:
                throw new InvalidOperationException(CassandraQueryStrings.NullTest(ColumnName(nullTest.Operand) ?? "?"));

            case SqlUnaryExpression { OperatorType: ExpressionType.Not }:
                throw new InvalidOperationException(CassandraQueryStrings.Not);

            case InExpression { Subquery: not null }:
                throw new InvalidOperationException(CassandraQueryStrings.NotOneTable("a subquery (IN with a query)"));

            case InExpression { Item: ColumnExpression column }:
                restrictions.Add(new([column.Name], CqlRestrictionKind.In));
                return;

            case InExpression @in:
                throw new InvalidOperationException(CassandraQueryStrings.ComputedFilter(Describe(@in.Item)));

            case CqlContainsExpression { Collection: ColumnExpression collection } contains when IsValue(contains.Item):
                restrictions.Add(new([collection.Name], contains.Key ? CqlRestrictionKind.ContainsKey : CqlRestrictionKind.Contains));
                return;

            case ExistsExpression or ScalarSubqueryExpression:
                throw new InvalidOperationException(CassandraQueryStrings.NotOneTable("a subquery (Any/All/Contains over another query)"));

            case ColumnExpression column:
                // A bare boolean column (Where(e => e.Flag)) is normalised to "= true" before validation; reaching here
                // means it could not be.
                throw new InvalidOperationException(CassandraQueryStrings.ComputedFilter($"the boolean column \"{column.Name}\" as a condition"));

            default:
                throw new InvalidOperationException(CassandraQueryStrings.ComputedFilter(Describe(predicate)));
        }
    }

    private static CqlRestriction Comparison(SqlBinaryExpression comparison)
    {
        var (left, right) = (comparison.Left, comparison.Right);
        var kind = comparison.OperatorType == ExpressionType.Equal ? CqlRestrictionKind.Equal : CqlRestrictionKind.Range;

        if (left is SqlConstantExpression { Value: null } || right is SqlConstantExpression { Value: null })
        {
            throw new InvalidOperationException(CassandraQueryStrings.NullTest(ColumnName(left) ?? ColumnName(right) ?? "?"));
        }

        if (left is ColumnExpression l && right is ColumnExpression r)
        {
            throw new InvalidOperationException(CassandraQueryStrings.ColumnComparison(l.Name, r.Name));
        }

        if (left is CqlTokenExpression leftToken && right is CqlTokenExpression rightToken)
        {
            if (leftToken.Arguments.All(a => a is ColumnExpression) && rightToken.Arguments.All(IsValue))
            {
                return new(leftToken.Arguments.Cast<ColumnExpression>().Select(c => c.Name).ToList(), CqlRestrictionKind.Token);
            }

            if (rightToken.Arguments.All(a => a is ColumnExpression) && leftToken.Arguments.All(IsValue))
            {
                return new(rightToken.Arguments.Cast<ColumnExpression>().Select(c => c.Name).ToList(), CqlRestrictionKind.Token);
            }

            throw new InvalidOperationException(CassandraQueryStrings.ComputedFilter("token(...) must compare the row's partition key columns with token(...) of values"));
        }

        if (left is ColumnExpression column && IsValue(right))
        {
            return new([column.Name], kind);
        }

        if (right is ColumnExpression column2 && IsValue(left))
        {
            return new([column2.Name], kind);
        }

        throw new InvalidOperationException(
            CassandraQueryStrings.ComputedFilter(Describe(IsValue(left) ? right : left)));
    }

    private static bool IsValue(SqlExpression expression) => expression is SqlParameterExpression or SqlConstantExpression;

    private static string? ColumnName(SqlExpression expression) => expression is ColumnExpression column ? column.Name : null;

    private static string Describe(SqlExpression expression)
        => expression switch
        {
            SqlFunctionExpression function => $"the function {function.Name}(...)",
            SqlBinaryExpression binary => $"the operator {binary.OperatorType}",
            SqlUnaryExpression unary => $"the operator {unary.OperatorType}",
            CaseExpression => "a conditional (?:)",
            LikeExpression => "LIKE (StartsWith, EndsWith, Contains on a string)",
            CqlTokenExpression => "token(...) compared with a plain value; compare it with EF.Functions.Token(value)",
            _ => expression.GetType().Name,
        };
}
