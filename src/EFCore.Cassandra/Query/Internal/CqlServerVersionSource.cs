using System.Data;
using System.Data.Common;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;

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

    private static Version? FromSession(ICassandraRelationalConnection connection)
        => connection.DbConnection is CqlConnection { CqlDataSource.Session.ServerVersion: { } version } ? CqlServerVersion.Parse(version) : null;
}
