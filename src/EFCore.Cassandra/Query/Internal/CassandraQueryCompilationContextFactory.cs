using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Creates <see cref="CassandraQueryCompilationContext"/>s, knowing the server version the query is translated for:
/// the configured one, else the connected server's.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryCompilationContextFactory(
    QueryCompilationContextDependencies dependencies,
    RelationalQueryCompilationContextDependencies relationalDependencies,
    ICassandraRelationalConnection connection,
    IDbContextOptions options) : IQueryCompilationContextFactory
{
    /// <inheritdoc />
    public virtual QueryCompilationContext Create(bool async)
        => new CassandraQueryCompilationContext(dependencies, relationalDependencies, async)
        {
            Capabilities = new CqlServerCapabilities(ServerVersion()),
        };

    /// <summary>Precompiled (NativeAOT) queries are not supported: EF's support for them is experimental.</summary>
    /// <inheritdoc />
    public virtual QueryCompilationContext CreatePrecompiled(bool async)
        => throw new NotSupportedException("The Cassandra provider does not support precompiled queries; use EF.CompileAsyncQuery(...) instead.");

    /// <summary>The version the query is translated for (the same one the compiled-query cache key holds).</summary>
    protected virtual Version? ServerVersion() => CqlServerVersionSource.For(connection, options);
}
