using System.Data;
using System.Data.Common;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;

namespace CqlConnector;

/// <summary>
/// The ADO.NET batching API over a CQL BATCH: every command is sent in one request, applied together. A LOGGED batch
/// (the default) guarantees that all statements are eventually applied or none; an UNLOGGED one is only efficient when
/// all statements write one partition; COUNTER batches hold counter updates only. Commands with parameters are
/// prepared (once per session and CQL text). Cassandra reports no affected rows: <see cref="ExecuteNonQuery"/> returns -1.
/// </summary>
public sealed class CqlBatch : DbBatch
{
    private CqlConnection? _connection;

    /// <summary>Creates an empty batch.</summary>
    public CqlBatch()
    {
    }

    /// <summary>Creates an empty batch on a connection.</summary>
    public CqlBatch(CqlConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The statements of the batch.</summary>
    public new CqlBatchCommandCollection BatchCommands { get; } = new();

    /// <inheritdoc />
    protected override DbBatchCommandCollection DbBatchCommands => BatchCommands;

    /// <summary>Logged (default), unlogged or counter.</summary>
    public BatchType BatchType { get; set; } = BatchType.Logged;

    /// <summary>The consistency level; defaults to the connection string's Consistency.</summary>
    public ConsistencyLevel? ConsistencyLevel { get; set; }

    /// <summary>The consistency of the Paxos phase when the batch holds lightweight transactions.</summary>
    public ConsistencyLevel? SerialConsistencyLevel { get; set; }

    /// <summary>Whether the batch may be retried on another node after it may have been applied. Default: false.</summary>
    public bool IsIdempotent { get; set; }

    /// <summary>Seconds to wait for the batch; 0 uses the connection string's Command Timeout.</summary>
    public override int Timeout { get; set; }

    /// <summary>The connection the batch runs on.</summary>
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

    /// <summary>Always null: Cassandra has no transactions; a logged batch is its all-or-nothing unit.</summary>
    protected override DbTransaction? DbTransaction
    {
        get => null;
        set
        {
            if (value is not null)
            {
                throw new NotSupportedException("Cassandra does not support transactions; a LOGGED batch applies all of its statements or none.");
            }
        }
    }

    /// <inheritdoc />
    public override int ExecuteNonQuery()
    {
        using var frame = ExecuteAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();
        return -1;
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken = default)
    {
        using var frame = await ExecuteAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        return -1;
    }

    /// <summary>Runs the batch; the reader holds the <c>[applied]</c> row when the batch has IF conditions.</summary>
    public new CqlDataReader ExecuteReader(CommandBehavior behavior = CommandBehavior.Default)
        => CqlDataReader.Create(null, ExecuteAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult(), behavior);

    /// <summary>Runs the batch; the reader holds the <c>[applied]</c> row when the batch has IF conditions.</summary>
    public new async Task<CqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default)
        => CqlDataReader.Create(null, await ExecuteAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false), CommandBehavior.Default);

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    /// <inheritdoc />
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        => CqlDataReader.Create(null, await ExecuteAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false), behavior);

    /// <inheritdoc />
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <inheritdoc />
    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken = default)
    {
        await using var reader = await ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <summary>Prepares every command that has parameters.</summary>
    public override void Prepare() => PrepareAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task PrepareAsync(CancellationToken cancellationToken = default) => PrepareAsync(IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Cancel()
    {
        // Pass a CancellationToken to the asynchronous methods to cancel a running batch.
    }

    /// <inheritdoc />
    protected override DbBatchCommand CreateDbBatchCommand() => new CqlBatchCommand();

    private CqlSession Session => (_connection ?? throw new InvalidOperationException("The batch has no Connection.")).Session;

    /// <summary>Prepares each command with parameters; with <paramref name="replacing"/> (after UNPREPARED), prepares those again.</summary>
    private async ValueTask<PreparedMetadata?[]> PrepareAsync(IOBehavior io, CancellationToken cancellationToken, PreparedMetadata?[]? replacing = null)
    {
        var commands = BatchCommands.Items;
        var prepared = new PreparedMetadata?[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i].Parameters.Count > 0)
            {
                prepared[i] = await Session.PrepareAsync(commands[i].CommandText, io, cancellationToken, replacing?[i]).ConfigureAwait(false);
            }
        }

        return prepared;
    }

    private async ValueTask<ResponseFrame> ExecuteAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (BatchCommands.Count == 0)
        {
            throw new InvalidOperationException("The batch holds no commands. Add commands to BatchCommands before executing it.");
        }

        var session = Session;
        var settings = session.Settings;
        var options = new RequestOptions
        {
            Timeout = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : settings.RequestTimeout,
            IsIdempotent = IsIdempotent,
        };
        var prepared = await PrepareAsync(io, cancellationToken).ConfigureAwait(false);
        try
        {
            return await session.ExecuteAsync(CreateRequest(prepared), options, io, cancellationToken).ConfigureAwait(false);
        }
        catch (CqlUnpreparedException)
        {
            // A node forgot a statement of the batch: prepare them all again (on every node, shared with the other
            // requests that failed alike), then send once more.
            prepared = await PrepareAsync(io, cancellationToken, replacing: prepared).ConfigureAwait(false);
            return await session.ExecuteAsync(CreateRequest(prepared), options, io, cancellationToken).ConfigureAwait(false);
        }
    }

    private BatchRequest CreateRequest(PreparedMetadata?[] prepared)
    {
        var commands = BatchCommands.Items;
        var entries = new BatchRequest.Entry[commands.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = prepared[i] is { } metadata
                ? new BatchRequest.Entry(null, metadata.Id, ParameterBinder.Bind(metadata, commands[i].Parameters.Items, commands[i].CommandText), metadata.VariableTypes)
                : new BatchRequest.Entry(commands[i].CommandText, null, null, null);
        }

        return new BatchRequest(BatchType, entries)
        {
            Consistency = ConsistencyLevel ?? Session.Settings.Consistency,
            SerialConsistency = SerialConsistencyLevel,
        };
    }
}
