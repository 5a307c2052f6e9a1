using CqlConnector.Connections;
using CqlConnector.Protocol.Requests;

namespace CqlConnector.Execution;

/// <summary>Runs the public statements: simple and bound statements through a <see cref="StatementRunner"/>, batches as one BATCH.</summary>
internal static class StatementExecutor
{
    public static Task<CqlResultSet> ExecuteAsync(CqlSession session, CqlStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement switch
        {
            BoundStatement bound => ResultReader.ExecuteAsync(
                CreateRunner(session, bound, bound.PreparedStatement.Query, bound.PreparedStatement.Metadata, bound.Values, null),
                bound.PagingState, bound.PreparedStatement, cancellationToken),
            SimpleStatement simple => ResultReader.ExecuteAsync(CreateRunner(session, simple, simple.Query, null, simple.Values, simple.ValueNames), simple.PagingState, null, cancellationToken),
            BatchStatement batch => ExecuteBatchAsync(session, batch, cancellationToken),
            _ => throw new ArgumentException($"Unknown statement type {statement.GetType().Name}.", nameof(statement)),
        };
    }

    internal static StatementRunner CreateRunner(
        CqlSession session, CqlStatement statement, string query, Protocol.Responses.PreparedMetadata? prepared,
        IReadOnlyList<object?>? values, IReadOnlyList<string>? valueNames)
    {
        var settings = session.Settings;
        return new StatementRunner(session, query, prepared, values is { Count: > 0 } ? values : null)
        {
            ValueNames = valueNames,
            Consistency = statement.Consistency ?? settings.Consistency,
            SerialConsistency = statement.SerialConsistency,
            PageSize = statement.PageSize > 0 ? statement.PageSize : settings.PageSize,
            Timeout = statement.Timeout ?? settings.RequestTimeout,
            IsIdempotent = statement.IsIdempotent,
            Tracing = statement.Tracing,
            CustomPayload = ToPayload(statement.CustomPayload),
            Timestamp = statement.TimestampMicros,
        };
    }

    private static IReadOnlyDictionary<string, byte[]?>? ToPayload(IDictionary<string, byte[]?>? payload)
        => payload is null or { Count: 0 } ? null : payload as IReadOnlyDictionary<string, byte[]?> ?? new Dictionary<string, byte[]?>(payload);

    private static async Task<CqlResultSet> ExecuteBatchAsync(CqlSession session, BatchStatement batch, CancellationToken cancellationToken)
    {
        if (batch.Statements.Count == 0)
        {
            throw new InvalidOperationException("The batch holds no statements. Add statements before executing it.");
        }

        var settings = session.Settings;
        var options = new RequestOptions { Timeout = batch.Timeout ?? settings.RequestTimeout, IsIdempotent = batch.IsIdempotent };
        System.Net.EndPoint? earlier = null;
        Protocol.Responses.ResponseFrame frame;
        var sent = new Protocol.Responses.PreparedMetadata?[batch.Statements.Count];
        try
        {
            frame = await session.ExecuteAsync(CreateBatchRequest(batch, settings.Consistency, sent), options, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        }
        catch (CqlUnpreparedException ex)
        {
            // A node forgot statements of the batch: prepare each bound statement's CQL again, then re-send once. The
            // re-prepare replaces the metadata this request was sent with, not PreparedStatement.Metadata: other
            // requests that failed alike may have updated that already, and then their re-prepare is reused.
            earlier = ex.Coordinator;
            for (var i = 0; i < sent.Length; i++)
            {
                if (batch.Statements[i] is BoundStatement { PreparedStatement: var prepared } && sent[i] is { } stale)
                {
                    prepared.Metadata = await session.PrepareAsync(prepared.Query, IOBehavior.Asynchronous, cancellationToken, replacing: stale).ConfigureAwait(false);
                }
            }

            frame = await session.ExecuteAsync(CreateBatchRequest(batch, settings.Consistency, sent), options, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        }

        return await ResultReader.ToResultSetAsync(session, null, frame, null, options.Coordinator, earlier, cancellationToken, options.HostsTriedCount > 1 ? options.HostsTried : null).ConfigureAwait(false);
    }

    /// <summary>The BATCH request; <paramref name="sent"/> receives the prepared metadata each bound statement is sent with.</summary>
    private static BatchRequest CreateBatchRequest(BatchStatement batch, ConsistencyLevel defaultConsistency, Protocol.Responses.PreparedMetadata?[] sent)
    {
        var entries = new BatchRequest.Entry[batch.Statements.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            switch (batch.Statements[i])
            {
                case BoundStatement bound:
                    var metadata = sent[i] = bound.PreparedStatement.Metadata;
                    entries[i] = new BatchRequest.Entry(null, metadata.Id, bound.Values, metadata.VariableTypes);
                    break;
                case SimpleStatement simple:
                    entries[i] = new BatchRequest.Entry(simple.Query, null, simple.Values, null);
                    break;
                default:
                    throw new InvalidOperationException("A batch holds simple and bound statements only.");
            }
        }

        return new BatchRequest(batch.Type, entries)
        {
            Consistency = batch.Consistency ?? defaultConsistency,
            SerialConsistency = batch.SerialConsistency,
            Timestamp = batch.TimestampMicros,
            Tracing = batch.Tracing,
            CustomPayload = ToPayload(batch.CustomPayload),
        };
    }
}
