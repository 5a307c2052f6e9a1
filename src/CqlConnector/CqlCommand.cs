using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Responses;

namespace CqlConnector;

/// <summary>
/// A CQL statement with bound parameters. Statements with parameters are prepared automatically, once per session
/// and CQL text, and then executed by id; values are always bound, never spliced into the text.
/// </summary>
public sealed class CqlCommand : DbCommand
{
    private readonly CqlParameterCollection _parameters = new();
    private CqlConnection? _connection;
    private string _commandText = string.Empty;
    private int? _commandTimeout;
    private bool _prepareRequested;

    /// <summary>Creates a command without text.</summary>
    public CqlCommand()
    {
    }

    /// <summary>Creates a command with CQL text.</summary>
    public CqlCommand(string? commandText, CqlConnection? connection = null)
    {
        _commandText = commandText ?? string.Empty;
        _connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? string.Empty;
    }

    /// <summary>Seconds to wait for each request of this command; defaults to the connection string's Command Timeout.</summary>
    public override int CommandTimeout
    {
        get => _commandTimeout ?? (SettingsOrNull is { } settings
            ? (settings.RequestTimeout == Timeout.InfiniteTimeSpan ? 0 : (int)settings.RequestTimeout.TotalSeconds)
            : 12);
        set => _commandTimeout = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A command timeout cannot be negative.");
    }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("Cassandra has no stored procedures or table-direct commands; use CommandType.Text.");
            }
        }
    }

    /// <summary>The connection the command runs on.</summary>
    public new CqlConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = (CqlConnection?)value;
    }

    /// <summary>The parameters bound to the statement's markers.</summary>
    public new CqlParameterCollection Parameters => _parameters;

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => _parameters;

    /// <summary>Always null: Cassandra has no transactions.</summary>
    protected override DbTransaction? DbTransaction
    {
        get => null;
        set
        {
            if (value is not null)
            {
                throw new NotSupportedException("Cassandra does not support transactions.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The consistency level of this command; defaults to the connection string's Consistency.</summary>
    public ConsistencyLevel? ConsistencyLevel { get; set; }

    /// <summary>The consistency of the Paxos phase of lightweight transactions (Serial or LocalSerial).</summary>
    public ConsistencyLevel? SerialConsistencyLevel { get; set; }

    /// <summary>Rows per page; 0 uses the connection string's Page Size.</summary>
    public int PageSize { get; set; }

    /// <summary>
    /// Where the result starts: the paging state of a page read earlier by the same statement with the same values
    /// (<see cref="CqlDataReader.PagingState"/>), or null to start at the beginning.
    /// </summary>
    public byte[]? PagingState { get; set; }

    /// <summary>
    /// Whether the reader stops at the end of the first page (no further page is requested, none prefetched); its
    /// <see cref="CqlDataReader.PagingState"/> then says where the next page starts. Used to serve one page per call.
    /// </summary>
    public bool SinglePage { get; set; }

    /// <summary>
    /// Whether running the statement twice has the same effect as running it once. Only idempotent statements are
    /// retried or speculatively re-sent after they may have reached a node. Default: false.
    /// </summary>
    public bool IsIdempotent { get; set; }

    internal CqlDataSource? DataSourceForCommand { get; init; }

    private ConnectionSettings? SettingsOrNull => DataSourceForCommand?.Settings ?? (_connection?.State == ConnectionState.Open ? _connection.Session.Settings : null);

    /// <summary>Creates a parameter (not yet added to <see cref="Parameters"/>).</summary>
    public new CqlParameter CreateParameter() => new();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <inheritdoc />
    public override void Cancel()
    {
        // Pass a CancellationToken to the asynchronous methods to cancel a running request.
    }

    /// <summary>Prepares the statement on the server (it is prepared automatically when it has parameters).</summary>
    public override void Prepare()
    {
        _prepareRequested = true;
        GetSession(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult()
            .PrepareAsync(CommandText, IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        _prepareRequested = true;
        var session = await GetSession(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        await session.PrepareAsync(CommandText, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override int ExecuteNonQuery() => ExecuteNonQueryAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs the statement; returns -1 because Cassandra does not report affected rows.</summary>
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => ExecuteNonQueryAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc />
    public override object? ExecuteScalar() => ExecuteScalarAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => ExecuteScalarAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <summary>Runs the statement and returns a reader over its rows.</summary>
    public new CqlDataReader ExecuteReader() => ExecuteReaderAsync(CommandBehavior.Default, IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs the statement and returns a reader over its rows.</summary>
    public new Task<CqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default)
        => ExecuteReaderAsync(CommandBehavior.Default, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        => ExecuteReaderAsync(behavior, IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        => await ExecuteReaderAsync(behavior, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ExecuteNonQueryAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var statement = await CreateStatementAsync(io, cancellationToken).ConfigureAwait(false);
        bool schemaChanged;
        using (var frame = await statement.ExecutePageAsync(null, io, cancellationToken).ConfigureAwait(false))
        {
            schemaChanged = frame.Body.Length >= 4 && (ResultKind)System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(frame.Body) == ResultKind.SchemaChange;
        }

        // DDL: as the session's own statements do, wait for the nodes to agree on the schema before the caller goes on
        // to use what it created.
        if (schemaChanged)
        {
            await SchemaAgreement.WaitAsync(statement.Session, statement.Session.MaxSchemaAgreementWait, io, cancellationToken).ConfigureAwait(false);
        }

        return -1;
    }

    private async ValueTask<object?> ExecuteScalarAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        await using var reader = await ExecuteReaderAsync(CommandBehavior.SingleRow, io, cancellationToken).ConfigureAwait(false);
        var hasRow = io == IOBehavior.Synchronous ? reader.Read() : await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return hasRow && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<CqlDataReader> ExecuteReaderAsync(CommandBehavior behavior, IOBehavior io, CancellationToken cancellationToken)
    {
        var statement = await CreateStatementAsync(io, cancellationToken).ConfigureAwait(false);
        var frame = await statement.ExecutePageAsync(PagingState, io, cancellationToken).ConfigureAwait(false);
        return CqlDataReader.Create(statement, frame, behavior, SinglePage);
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<StatementRunner> CreateStatementAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(CommandText))
        {
            throw new InvalidOperationException("The command has no CommandText.");
        }

        var session = await GetSession(io, cancellationToken).ConfigureAwait(false);
        var settings = session.Settings;
        PreparedMetadata? prepared = null;
        object?[]? values = null;
        if (_parameters.Count > 0 || _prepareRequested)
        {
            prepared = await session.PrepareAsync(CommandText, io, cancellationToken).ConfigureAwait(false);
            values = ParameterBinder.Bind(prepared, _parameters.Items, CommandText);
        }

        return new StatementRunner(session, CommandText, prepared, values)
        {
            Consistency = ConsistencyLevel ?? settings.Consistency,
            SerialConsistency = SerialConsistencyLevel,
            PageSize = PageSize > 0 ? PageSize : settings.PageSize,
            IsIdempotent = IsIdempotent,
            Timeout = _commandTimeout is { } seconds
                ? (seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds))
                : settings.RequestTimeout,
        };
    }

    private async ValueTask<CqlSession> GetSession(IOBehavior io, CancellationToken cancellationToken)
    {
        if (DataSourceForCommand is { } dataSource)
        {
            await dataSource.Session.EnsureInitializedAsync(io, cancellationToken).ConfigureAwait(false);
            return dataSource.Session;
        }

        if (_connection is null)
        {
            throw new InvalidOperationException("The command has no Connection.");
        }

        return _connection.Session;
    }
}
