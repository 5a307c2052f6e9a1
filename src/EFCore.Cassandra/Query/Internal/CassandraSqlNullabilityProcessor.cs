using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Relational null semantics for CQL: understands <c>CONTAINS</c> and <c>token()</c>, and keeps <c>IN :list</c> as one
/// bound list (CQL binds a whole list to one marker), so every list length shares one prepared statement.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraSqlNullabilityProcessor(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    RelationalParameterBasedSqlProcessorParameters parameters)
    : SqlNullabilityProcessor(dependencies, parameters)
{
    /// <inheritdoc />
    protected override SqlExpression VisitCustomSqlExpression(SqlExpression sqlExpression, bool allowOptimizedExpansion, out bool nullable)
    {
        switch (sqlExpression)
        {
            case CqlContainsExpression contains:
                nullable = false;
                return contains.Update(Visit(contains.Collection, out _), Visit(contains.Item, out _));

            case CqlTokenExpression token:
                nullable = false;
                return (SqlExpression)new ArgumentVisitor(this).Visit(token)!;

            default:
                return base.VisitCustomSqlExpression(sqlExpression, allowOptimizedExpansion, out nullable);
        }
    }

    /// <inheritdoc />
    protected override SqlExpression VisitIn(InExpression inExpression, bool allowOptimizedExpansion, out bool nullable)
    {
        if (inExpression.ValuesParameter is { } valuesParameter)
        {
            nullable = false;
            return inExpression.Update(Visit(inExpression.Item, out _), valuesParameter);
        }

        return base.VisitIn(inExpression, allowOptimizedExpansion, out nullable);
    }

    private sealed class ArgumentVisitor(CassandraSqlNullabilityProcessor processor) : System.Linq.Expressions.ExpressionVisitor
    {
        public override System.Linq.Expressions.Expression? Visit(System.Linq.Expressions.Expression? node)
            => node switch
            {
                CqlTokenExpression token => token.VisitChildrenWith(this),
                SqlExpression sql => processor.Visit(sql, out _),
                _ => base.Visit(node),
            };
    }
}
