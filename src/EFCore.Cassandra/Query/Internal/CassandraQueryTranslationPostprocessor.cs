using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// After EF's relational postprocessing, checks every CQL statement the query became against what CQL can answer
/// (<see cref="CqlSelectValidator"/>), so that an impossible query fails at translation with a remedy instead of at
/// the server.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryTranslationPostprocessor(
    QueryTranslationPostprocessorDependencies dependencies,
    RelationalQueryTranslationPostprocessorDependencies relationalDependencies,
    CassandraQueryCompilationContext queryCompilationContext)
    : RelationalQueryTranslationPostprocessor(dependencies, relationalDependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
    {
        query = base.Process(query);
        query = new CqlSelectNormalizer(RelationalDependencies.SqlExpressionFactory).Visit(query);
        new CqlStatementValidator(queryCompilationContext.CqlOptions, queryCompilationContext.Capabilities).Visit(query);
        return query;
    }
}
