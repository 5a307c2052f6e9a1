using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Keeps <c>EF.Functions.Token(values)</c> in the query even when its arguments are known before it runs: it is CQL's
/// <c>token()</c> of those values, computed by the server's partitioner.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraEvaluatableExpressionFilter(
    EvaluatableExpressionFilterDependencies dependencies,
    RelationalEvaluatableExpressionFilterDependencies relationalDependencies)
    : RelationalEvaluatableExpressionFilter(dependencies, relationalDependencies)
{
    /// <inheritdoc />
    public override bool IsEvaluatableExpression(Expression expression, IModel model)
        => expression is not MethodCallExpression { Method.DeclaringType: var type } || type != typeof(CassandraDbFunctionsExtensions)
            ? base.IsEvaluatableExpression(expression, model)
            : false;
}
