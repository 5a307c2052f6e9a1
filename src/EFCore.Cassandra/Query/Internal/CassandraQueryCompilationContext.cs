using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>The compilation of one query, with the Cassandra query options found in it.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryCompilationContext(
    QueryCompilationContextDependencies dependencies,
    RelationalQueryCompilationContextDependencies relationalDependencies,
    bool async)
    : RelationalQueryCompilationContext(dependencies, relationalDependencies, async)
{
    /// <summary>The options the query's extensions asked for (set by the preprocessor).</summary>
    public virtual CqlQueryOptions CqlOptions { get; set; } = CqlQueryOptions.None;

    /// <summary>What the server the query is translated for can answer.</summary>
    public virtual CqlServerCapabilities Capabilities { get; init; } = new(null);
}
