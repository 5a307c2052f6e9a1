using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Finishes a query once parameter values are known, with <see cref="CassandraSqlNullabilityProcessor"/>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraParameterBasedSqlProcessor(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    RelationalParameterBasedSqlProcessorParameters parameters)
    : RelationalParameterBasedSqlProcessor(dependencies, parameters)
{
    /// <summary>Finishes the query, then writes boolean conditions and Sum as CQL needs them (after EF's optimisations).</summary>
    /// <inheritdoc />
    public override Expression Process(Expression queryExpression, ParametersCacheDecorator parametersDecorator)
        => new CqlSelectNormalizer(Dependencies.SqlExpressionFactory).Visit(base.Process(queryExpression, parametersDecorator));

    /// <inheritdoc />
    protected override Expression ProcessSqlNullability(Expression queryExpression, ParametersCacheDecorator Decorator)
        => new CassandraSqlNullabilityProcessor(Dependencies, Parameters).Process(queryExpression, Decorator);
}
