using System.Net;
using CqlConnector.Connections;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Execution;

/// <summary>
/// A statement ready to run, page after page: its CQL, its prepared metadata (when it has bound values), the values
/// in bind-marker order and the execution options. A prepared statement the node has forgotten (UNPREPARED) is
/// prepared again and re-sent once, transparently.
/// </summary>
internal sealed class StatementRunner
{
    private PreparedMetadata? _prepared;

    public StatementRunner(CqlSession session, string query, PreparedMetadata? prepared, IReadOnlyList<object?>? values)
    {
        Session = session;
        Query = query;
        _prepared = prepared;
        Values = values;
    }

    public CqlSession Session { get; }

    public string Query { get; }

    public IReadOnlyList<object?>? Values { get; }

    /// <summary>Names of <see cref="Values"/> for an unprepared statement with named markers.</summary>
    public IReadOnlyList<string>? ValueNames { get; init; }

    public ConsistencyLevel Consistency { get; init; }

    public ConsistencyLevel? SerialConsistency { get; init; }

    public int PageSize { get; init; }

    public TimeSpan Timeout { get; init; }

    public bool IsIdempotent { get; init; }

    public bool Tracing { get; init; }

    public IReadOnlyDictionary<string, byte[]?>? CustomPayload { get; init; }

    /// <summary>Default write timestamp in microseconds.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The prepared metadata in use (replaced after a re-prepare).</summary>
    public PreparedMetadata? Prepared => _prepared;

    public RequestOptions CreateOptions() => new()
    {
        Timeout = Timeout,
        IsIdempotent = IsIdempotent,
        Keyspace = _prepared is { Variables.Count: > 0 } prepared ? prepared.Variables[0].Keyspace : null,
        RoutingKey = _prepared is { } withKey && Session.TokenMap is not null ? RoutingKey.Compute(withKey, Values) : null,
    };

    /// <summary>The result columns known in advance (prepared statements), used when the server skips metadata.</summary>
    public IReadOnlyList<CqlColumn>? KnownColumns => _prepared?.ResultMetadata.Columns;

    /// <summary>Runs the statement for one page; <paramref name="pagingState"/> is null for the first page.</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ResponseFrame> ExecutePageAsync(byte[]? pagingState, IOBehavior io, CancellationToken cancellationToken)
        => (await ExecutePageAsync(pagingState, CreateOptions(), io, cancellationToken).ConfigureAwait(false)).Frame;

    /// <summary>
    /// Runs the statement for one page with <paramref name="options"/> (which the session fills with the coordinator)
    /// and returns the response with the node a first attempt went to when the statement had to be prepared again.
    /// </summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(ResponseFrame Frame, EndPoint? EarlierAttempt)> ExecutePageAsync(
        byte[]? pagingState, RequestOptions options, IOBehavior io, CancellationToken cancellationToken)
    {
        // A Cassandra 2.1 node shares a statement's result metadata between requests, so a PREPARE that raced another
        // client's EXECUTE (which skipped metadata) can lack its result columns; prepare again to learn them.
        for (var attempt = 0; attempt < 3 && _prepared is { ResultMetadata: { Columns: null, ColumnCount: > 0 } }; attempt++)
        {
            _prepared = await Session.PrepareAsync(Query, io, cancellationToken, replacing: _prepared).ConfigureAwait(false);
        }

        try
        {
            return (await Session.ExecuteAsync(CreateRequest(pagingState), options, io, cancellationToken).ConfigureAwait(false), null);
        }
        catch (CqlUnpreparedException ex) when (_prepared is not null)
        {
            // Every request in flight with this statement fails alike when a node forgets it: they share one re-prepare.
            _prepared = await Session.PrepareAsync(Query, io, cancellationToken, replacing: _prepared).ConfigureAwait(false);
            var frame = await Session.ExecuteAsync(CreateRequest(pagingState), options, io, cancellationToken).ConfigureAwait(false);
            return (frame, ex.Coordinator);
        }
    }

    private CqlRequest CreateRequest(byte[]? pagingState)
    {
        if (_prepared is { } prepared)
        {
            return new ExecuteRequest(prepared.Id, prepared.ResultMetadataId, new QueryParameters
            {
                Consistency = Consistency,
                SerialConsistency = SerialConsistency,
                Values = Values,
                ValueTypes = prepared.VariableTypes,
                PageSize = PageSize,
                PagingState = pagingState,
                Timestamp = Timestamp,
                SkipMetadata = prepared.ResultMetadata.Columns is { Count: > 0 },
            })
            {
                Tracing = Tracing,
                CustomPayload = CustomPayload,
            };
        }

        return new QueryRequest(Query, new QueryParameters
        {
            Consistency = Consistency,
            SerialConsistency = SerialConsistency,
            Values = Values,
            ValueNames = ValueNames,
            PageSize = PageSize,
            PagingState = pagingState,
            Timestamp = Timestamp,
        })
        {
            Tracing = Tracing,
            CustomPayload = CustomPayload,
        };
    }
}
