using System.Linq.Expressions;

using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Adds the server version queries are translated for to the compiled-query cache key. A configured version already
/// separates service providers, but a detected one does not: contexts on different clusters share a service provider
/// (the connection string is not part of its identity), and a query translated for a 3.x node must not be served to
/// a 2.1 node.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraCompiledQueryCacheKeyGenerator(
    CompiledQueryCacheKeyGeneratorDependencies dependencies,
    RelationalCompiledQueryCacheKeyGeneratorDependencies relationalDependencies,
    ICassandraRelationalConnection connection,
    IDbContextOptions options)
    : RelationalCompiledQueryCacheKeyGenerator(dependencies, relationalDependencies)
{
    /// <inheritdoc />
    public override object GenerateCacheKey(Expression query, bool async)
        => new CassandraCompiledQueryCacheKey(GenerateCacheKeyCore(query, async), CqlServerVersionSource.For(connection, options));

    private readonly record struct CassandraCompiledQueryCacheKey(RelationalCompiledQueryCacheKey RelationalKey, Version? ServerVersion);
}
