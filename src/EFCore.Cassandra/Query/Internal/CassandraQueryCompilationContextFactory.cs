using System.Data;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
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

    /// <summary>
    /// The configured server version, else the version of the server the context's connection reaches (opened for a
    /// moment if needed: the query is about to run on it), else null when no server answers.
    /// </summary>
    protected virtual Version? ServerVersion()
    {
        if (options.FindExtension<CassandraOptionsExtension>()?.ServerVersion is { } configured)
        {
            return configured;
        }

        try
        {
            var wasOpen = connection.DbConnection.State == ConnectionState.Open;
            if (!wasOpen)
            {
                connection.Open();
            }

            try
            {
                return CqlServerVersion.Parse(connection.DbConnection.ServerVersion);
            }
            finally
            {
                if (!wasOpen)
                {
                    connection.Close();
                }
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }
}
