using System.Data;
using System.Data.Common;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// The Cassandra version a context's queries are translated for: the configured one, else the version of the server
/// the context's connection reaches. The compiled-query cache key and the translation both ask here, so a query
/// translated for one server version is never served to a context on another.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlServerVersionSource
{
    /// <summary>
    /// The configured version, else the connected cluster's (read from the data source's session, which knows it once
    /// connected; the connection is opened for a moment when it never was), else null when no server answers.
    /// </summary>
    public static Version? For(ICassandraRelationalConnection connection, IDbContextOptions options)
    {
        if (options.FindExtension<CassandraOptionsExtension>()?.ServerVersion is { } configured)
        {
            return configured;
        }

        if (FromSession(connection) is { } known)
        {
            return known;
        }

        // Connecting initialises the data source's session, which then knows the version, even when the open itself
        // fails afterwards (e.g. its keyspace does not exist yet, before EnsureCreated).
        try
        {
            if (connection.DbConnection.State != ConnectionState.Open)
            {
                connection.Open();
                connection.Close();
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
        }

        return FromSession(connection);
    }

    /// <summary>
    /// Whether <see cref="For"/> can answer without connecting: the version is configured, or the data source's
    /// session has connected.
    /// </summary>
    public static bool IsKnown(ICassandraRelationalConnection connection, IDbContextOptions options)
        => connection.DbConnection is CqlConnection { CqlDataSource.Session.ServerVersion: not null }
            || options.FindExtension<CassandraOptionsExtension>()?.ServerVersion is not null;

    /// <summary>
    /// Opens the connection for a moment, asynchronously, when the data source's session never connected, so that the
    /// next <see cref="For"/> knows the version without connecting synchronously. The open runs under the context's
    /// execution strategy (retried on transient errors when it retries). A failure that still leaves the version
    /// unknown is the query's failure: it is thrown, rather than tried again synchronously by the translation. One that
    /// does not (the session connected, but the connection's keyspace does not exist yet) is left to the query.
    /// </summary>
    public static async Task LearnAsync(
        ICassandraRelationalConnection connection, IExecutionStrategy executionStrategy, IDbContextOptions options, CancellationToken cancellationToken)
    {
        if (connection.DbConnection.State == ConnectionState.Open)
        {
            return;
        }

        try
        {
            await executionStrategy.ExecuteAsync(
                connection,
                static async (_, connection, cancellationToken) =>
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await connection.CloseAsync().ConfigureAwait(false);
                    return true;
                },
                null,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsKnown(connection, options))
        {
        }
    }

    // Asked for every query (the compiled-query cache key): the last release string parsed is kept, as applications
    // reach one cluster, or very few.
    private static Tuple<string, Version?>? _lastParsed;

    private static Version? FromSession(ICassandraRelationalConnection connection)
    {
        if (connection.DbConnection is not CqlConnection { CqlDataSource.Session.ServerVersion: { } release })
        {
            return null;
        }

        var last = Volatile.Read(ref _lastParsed);
        if (last is null || !string.Equals(last.Item1, release, StringComparison.Ordinal))
        {
            last = Tuple.Create(release, CqlServerVersion.Parse(release));
            Volatile.Write(ref _lastParsed, last);
        }

        return last.Item2;
    }
}
