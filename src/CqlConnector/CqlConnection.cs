using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CqlConnector.Connections;
using CqlConnector.Execution;

namespace CqlConnector;

/// <summary>
/// A connection to a Cassandra cluster. Opening it is cheap: it attaches to the session of its
/// <see cref="CqlDataSource"/> (connections built from a connection string share one data source per string).
/// Cassandra has no transactions: <c>BeginTransaction</c> throws.
/// </summary>
public sealed class CqlConnection : DbConnection
{
    private CqlDataSource? _dataSource;
    private string _connectionString = string.Empty;
    private ConnectionState _state;
    private string? _keyspace;

    /// <summary>Creates a closed connection; set <see cref="ConnectionString"/> before opening.</summary>
    public CqlConnection()
    {
    }

    /// <summary>Creates a closed connection for a connection string.</summary>
    public CqlConnection(string connectionString)
    {
        ConnectionString = connectionString;
    }

    internal CqlConnection(CqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _connectionString = dataSource.ConnectionString;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            _connectionString = value ?? string.Empty;
            _dataSource = null;
            _keyspace = null;
        }
    }

    /// <summary>The current keyspace (the connection string's, or the one set by <see cref="ChangeDatabase"/>).</summary>
    public override string Database => _keyspace ?? DataSourceOrThrow.Settings.Keyspace ?? string.Empty;

    /// <summary>The contact points.</summary>
    public override string DataSource => string.Join(",", DataSourceOrThrow.Settings.ContactPoints);

    /// <summary>The release version of the connected node, e.g. "2.1.0".</summary>
    public override string ServerVersion => ThrowIfNotOpen().ServerVersion ?? string.Empty;

    /// <summary>The native protocol version negotiated with the node.</summary>
    public ProtocolVersion ProtocolVersion => ThrowIfNotOpen().ProtocolVersion ?? throw new InvalidOperationException("The connection is not open.");

    /// <inheritdoc />
    public override ConnectionState State => _state;

    /// <inheritdoc />
    public override int ConnectionTimeout => (int)DataSourceOrThrow.Settings.ConnectTimeout.TotalSeconds;

    /// <summary>The data source (session) this connection uses.</summary>
    public CqlDataSource CqlDataSource => DataSourceOrThrow;

    internal CqlSession Session => ThrowIfNotOpen();

    private CqlDataSource DataSourceOrThrow
    {
        get
        {
            if (_dataSource is null)
            {
                if (string.IsNullOrEmpty(_connectionString))
                {
                    throw new InvalidOperationException("The connection has no connection string. Set ConnectionString, e.g. 'Contact Points=127.0.0.1'.");
                }

                _dataSource = CqlDataSource.GetShared(_connectionString);
            }

            return _dataSource;
        }
    }

    /// <inheritdoc />
    public override void Open() => OpenAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken) => OpenAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    private async ValueTask OpenAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (_state == ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var dataSource = DataSourceOrThrow;
        _state = ConnectionState.Connecting;
        try
        {
            await dataSource.Session.EnsureInitializedAsync(io, cancellationToken).ConfigureAwait(false);
            _state = ConnectionState.Open;
        }
        catch
        {
            _state = ConnectionState.Closed;
            throw;
        }

        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        _state = ConnectionState.Closed;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>
    /// Switches this connection to another keyspace. The session's connections are shared, so this attaches the
    /// connection to the shared data source of the same connection string with the other keyspace.
    /// </summary>
    public override void ChangeDatabase(string databaseName)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseName);
        var builder = new CqlConnectionStringBuilder(DataSourceOrThrow.ConnectionString) { Keyspace = databaseName };
        var wasOpen = _state == ConnectionState.Open;
        _dataSource = CqlDataSource.GetShared(builder.ConnectionString);
        _keyspace = databaseName;
        if (wasOpen)
        {
            _dataSource.Session.EnsureInitializedAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public override async Task ChangeDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseName);
        var builder = new CqlConnectionStringBuilder(DataSourceOrThrow.ConnectionString) { Keyspace = databaseName };
        _dataSource = CqlDataSource.GetShared(builder.ConnectionString);
        _keyspace = databaseName;
        if (_state == ConnectionState.Open)
        {
            await _dataSource.Session.EnsureInitializedAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override bool CanCreateBatch => true;

    /// <summary>Creates a batch on this connection.</summary>
    public new CqlBatch CreateBatch() => new(this);

    /// <inheritdoc />
    protected override DbBatch CreateDbBatch() => CreateBatch();

    /// <summary>Creates a command on this connection.</summary>
    public new CqlCommand CreateCommand() => new() { Connection = this };

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>Always throws: Cassandra has no transactions.</summary>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
        => throw new NotSupportedException(
            "Cassandra does not support transactions. Group writes to one partition in a batch, or use lightweight transactions (IF conditions) for compare-and-set.");

    /// <summary>The provider factory.</summary>
    protected override DbProviderFactory DbProviderFactory => CqlProviderFactory.Instance;

    private CqlSession ThrowIfNotOpen()
    {
        if (_state != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is not open. Call Open or OpenAsync first.");
        }

        return DataSourceOrThrow.Session;
    }
}
