using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Creates <see cref="CassandraQueryTranslationPreprocessor"/>s.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryTranslationPreprocessorFactory(
    QueryTranslationPreprocessorDependencies dependencies,
    RelationalQueryTranslationPreprocessorDependencies relationalDependencies) : IQueryTranslationPreprocessorFactory
{
    /// <inheritdoc />
    public virtual QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new CassandraQueryTranslationPreprocessor(dependencies, relationalDependencies, (CassandraQueryCompilationContext)queryCompilationContext);
}
