using CqlConnector.Connections;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Execution;

/// <summary>
/// A statement ready to run, page after page: its CQL, its prepared metadata (when it has bound values), the values
/// in bind-marker order and the execution options. A prepared statement the node has forgotten (UNPREPARED) is
/// prepared again and re-sent once, transparently.
/// </summary>
internal sealed class CqlStatement
{
    private PreparedMetadata? _prepared;

    public CqlStatement(CqlSession session, string query, PreparedMetadata? prepared, IReadOnlyList<object?>? values)
    {
        Session = session;
        Query = query;
        _prepared = prepared;
        Values = values;
    }

    public CqlSession Session { get; }

    public string Query { get; }

    public IReadOnlyList<object?>? Values { get; }

    public ConsistencyLevel Consistency { get; init; }

    public ConsistencyLevel? SerialConsistency { get; init; }

    public int PageSize { get; init; }

    public TimeSpan Timeout { get; init; }

    /// <summary>The result columns known in advance (prepared statements), used when the server skips metadata.</summary>
    public IReadOnlyList<CqlColumn>? KnownColumns => _prepared?.ResultMetadata.Columns;

    /// <summary>Runs the statement for one page; <paramref name="pagingState"/> is null for the first page.</summary>
    public async ValueTask<ResponseFrame> ExecutePageAsync(byte[]? pagingState, IOBehavior io, CancellationToken cancellationToken)
    {
        // A Cassandra 2.1 node shares a statement's result metadata between requests, so a PREPARE that raced another
        // client's EXECUTE (which skipped metadata) can lack its result columns; prepare again to learn them.
        for (var attempt = 0; attempt < 3 && _prepared is { ResultMetadata: { Columns: null, ColumnCount: > 0 } }; attempt++)
        {
            _prepared = await Session.PrepareAsync(Query, io, cancellationToken, force: true).ConfigureAwait(false);
        }

        try
        {
            return await Session.ExecuteAsync(CreateRequest(pagingState), Timeout, io, cancellationToken).ConfigureAwait(false);
        }
        catch (CqlUnpreparedException) when (_prepared is not null)
        {
            _prepared = await Session.PrepareAsync(Query, io, cancellationToken, force: true).ConfigureAwait(false);
            return await Session.ExecuteAsync(CreateRequest(pagingState), Timeout, io, cancellationToken).ConfigureAwait(false);
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
                SkipMetadata = prepared.ResultMetadata.Columns is { Count: > 0 },
            });
        }

        return new QueryRequest(Query, new QueryParameters
        {
            Consistency = Consistency,
            SerialConsistency = SerialConsistency,
            PageSize = PageSize,
            PagingState = pagingState,
        });
    }
}
