using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>The relational method translators plus CQL's: collection membership and <c>token(...)</c>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraMethodCallTranslatorProvider : RelationalMethodCallTranslatorProvider
{
    /// <summary>Creates the provider.</summary>
    public CassandraMethodCallTranslatorProvider(RelationalMethodCallTranslatorProviderDependencies dependencies)
        : base(dependencies)
        => AddTranslators(
        [
            new CqlCollectionMethodTranslator(dependencies.RelationalTypeMappingSource, dependencies.SqlExpressionFactory),
            new CqlTokenTranslator(dependencies.RelationalTypeMappingSource, dependencies.SqlExpressionFactory),
        ]);
}
