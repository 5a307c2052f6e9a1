using System.Linq.Expressions;

using CqlConnector;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Removes the Cassandra query extensions (<c>AllowFiltering</c>, <c>WithConsistency</c>, …) from a query before EF
/// translates it, and collects what they asked for.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlQueryOptionsExtractor : ExpressionVisitor
{
    /// <summary>The options found so far.</summary>
    public CqlQueryOptions Options { get; private set; } = CqlQueryOptions.None;

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (!node.Method.IsGenericMethod || node.Method.DeclaringType != typeof(CassandraQueryableExtensions))
        {
            return base.VisitMethodCall(node);
        }

        var definition = node.Method.GetGenericMethodDefinition();
        if (definition == CassandraQueryableExtensions.AllowFilteringMethod)
        {
            Options = Options with { AllowFiltering = true };
        }
        else if (definition == CassandraQueryableExtensions.WithConsistencyMethod)
        {
            Options = Options with { Consistency = Constant<ConsistencyLevel>(node.Arguments[1], "WithConsistency") };
        }
        else if (definition == CassandraQueryableExtensions.WithPageSizeMethod)
        {
            Options = Options with { PageSize = Constant<int>(node.Arguments[1], "WithPageSize") };
        }
        else if (definition == CassandraQueryableExtensions.PerPartitionLimitMethod)
        {
            Options = Options with { PerPartitionLimit = Constant<int>(node.Arguments[1], "PerPartitionLimit") };
        }
        else if (definition == CassandraQueryableExtensions.WithPageRequestMethod)
        {
            Options = Options with
            {
                PageRequestParameter = node.Arguments[1] is QueryParameterExpression parameter
                    ? parameter.Name
                    : throw new InvalidOperationException("ToPageAsync's page request did not become a query parameter."),
            };
        }
        else
        {
            return base.VisitMethodCall(node);
        }

        // The extension is a marker around its source: keep visiting the source (extensions can be chained).
        return Visit(node.Arguments[0]);
    }

    private static T Constant<T>(Expression argument, string method)
        => argument is ConstantExpression { Value: T value }
            ? value
            : throw new InvalidOperationException(
                $"The argument of {method}(...) must be a constant or a simple value, not an expression over the query's rows.");
}
