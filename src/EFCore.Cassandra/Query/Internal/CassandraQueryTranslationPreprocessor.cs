using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Takes the Cassandra query extensions out of the query before EF's own preprocessing.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    RelationalQueryTranslationPreprocessorDependencies relationalDependencies,
    CassandraQueryCompilationContext queryCompilationContext)
    : RelationalQueryTranslationPreprocessor(dependencies, relationalDependencies, queryCompilationContext)
{
    /// <inheritdoc />
    public override Expression Process(Expression query)
    {
        var extractor = new CqlQueryOptionsExtractor();
        query = extractor.Visit(query);

        var options = extractor.Options;
        queryCompilationContext.CqlOptions = options;
        foreach (var tag in options.ToTags())
        {
            queryCompilationContext.AddTag(tag);
        }

        return base.Process(query);
    }
}
