using System.Collections.Concurrent;
using System.Data.Common;
using CqlConnector.Connections;
using CqlConnector.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqlConnector;

/// <summary>
/// The entry point of CqlConnector: owns the session with the cluster (connections, prepared statements) for one
/// connection string. Create one per application and open cheap <see cref="CqlConnection"/>s from it; they all
/// share the session. Thread-safe.
/// </summary>
public sealed class CqlDataSource : DbDataSource
{
    private static readonly ConcurrentDictionary<string, CqlDataSource> Shared = new(StringComparer.Ordinal);
    private readonly string _connectionString;

    private CqlDataSource(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new CqlConnectionStringBuilder(connectionString);
        Settings = ConnectionSettings.FromBuilder(builder);
        _connectionString = builder.ConnectionString;
        Session = new CqlSession(Settings) { LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance };
    }

    /// <summary>A data source with settings beyond the connection string's (see <see cref="CqlDataSourceBuilder"/>).</summary>
    internal CqlDataSource(string connectionString, ConnectionSettings settings, ILoggerFactory? loggerFactory = null)
    {
        Settings = settings;
        _connectionString = connectionString;
        Session = new CqlSession(Settings) { LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance };
    }

    /// <summary>Creates a data source for a connection string.</summary>
    public static CqlDataSource Create(string connectionString) => new(connectionString);

    /// <summary>
    /// A data source with the same settings (including those of a <see cref="CqlDataSourceBuilder"/>: authenticator,
    /// TLS, policies, logging) but no keyspace, for work on keyspaces themselves (creating or dropping one that the
    /// connection string names). Created once per data source.
    /// </summary>
    internal CqlDataSource WithoutKeyspace()
    {
        if (Settings.Keyspace is null)
        {
            return this;
        }

        if (_withoutKeyspace is { } existing)
        {
            return existing;
        }

        var builder = new CqlConnectionStringBuilder(_connectionString);
        builder.Remove("Keyspace");
        var created = new CqlDataSource(builder.ConnectionString, Settings with { Keyspace = null }, Session.LoggerFactory);
        return Interlocked.CompareExchange(ref _withoutKeyspace, created, null) ?? created;
    }

    private CqlDataSource? _withoutKeyspace;

    /// <summary>Creates a data source for a connection string that logs to <paramref name="loggerFactory"/> (category <c>CqlConnector</c>).</summary>
    public static CqlDataSource Create(string connectionString, ILoggerFactory? loggerFactory) => new(connectionString, loggerFactory);

    /// <summary>
    /// The data source shared by every <see cref="CqlConnection"/> constructed with the same connection string (as
    /// ADO.NET providers pool by connection string). It lives as long as the process.
    /// </summary>
    internal static CqlDataSource GetShared(string connectionString) => Shared.GetOrAdd(connectionString, static cs => new CqlDataSource(cs));

    internal ConnectionSettings Settings { get; }

    /// <summary>The session with the cluster that every connection of this data source shares.</summary>
    public CqlSession Session { get; }

    /// <inheritdoc />
    public override string ConnectionString => _connectionString;

    /// <summary>Creates a closed connection that uses this data source's session.</summary>
    public new CqlConnection CreateConnection() => new(this);

    /// <summary>Creates and opens a connection.</summary>
    public new async ValueTask<CqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Creates a command on an internal connection of this data source.</summary>
    public new CqlCommand CreateCommand(string? commandText = null)
    {
        var command = new CqlCommand(commandText) { DataSourceForCommand = this };
        return command;
    }

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection() => CreateConnection();

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand(string? commandText = null) => CreateCommand(commandText);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Session.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Session.Dispose();
        return base.DisposeAsyncCore();
    }
}
