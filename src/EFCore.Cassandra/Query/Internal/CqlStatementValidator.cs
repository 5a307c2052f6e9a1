using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Finds the CQL statements of a translated query (the SELECT of each shaped query; the target of ExecuteUpdate and
/// ExecuteDelete) and validates each.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlStatementValidator(CqlQueryOptions options, CqlServerCapabilities server) : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case ShapedQueryExpression { QueryExpression: SelectExpression select } shaped:
                new CqlSelectValidator(options, server).Validate(select);
                Visit(shaped.ShaperExpression);
                return node;

            case ShapedQueryExpression:
                return node;

            // ExecuteDelete / ExecuteUpdate: the statement itself is the query.
            case DeleteExpression delete:
                CqlBulkValidator.ValidateDelete(delete, server);
                return node;

            case UpdateExpression update:
                CqlBulkValidator.ValidateUpdate(update);
                return node;

            default:
                return base.VisitExtension(node);
        }
    }
}
