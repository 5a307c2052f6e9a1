using System.Net;
using CqlConnector.Connections;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Execution;

/// <summary>Turns RESULT frames into pages and result sets, with their execution info.</summary>
internal static class ResultReader
{
    /// <summary>
    /// Runs the first page of <paramref name="runner"/> (from <paramref name="pagingState"/> when resuming). When the
    /// runner had to prepare again, <paramref name="prepared"/> is given the new metadata so later bindings use it.
    /// One async method from the public call down to the session's request path: each extra await level would cost
    /// a state machine box (and a Task) per request.
    /// </summary>
    public static async Task<CqlResultSet> ExecuteAsync(StatementRunner runner, byte[]? pagingState, PreparedStatement? prepared, CancellationToken cancellationToken)
    {
        var options = runner.CreateOptions();
        ResponseFrame frame;
        EndPoint? earlier;
        var sentWith = runner.Prepared;
        try
        {
            (frame, earlier) = await runner.ExecutePageAsync(pagingState, options, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The runner prepared again (UNPREPARED, or metadata lacking its columns): later bindings use the new id.
            if (prepared is not null && runner.Prepared is { } current && current != sentWith)
            {
                prepared.Metadata = current;
            }
        }

        return await ToResultSetAsync(runner.Session, runner, frame, runner.KnownColumns, options.Coordinator, earlier, cancellationToken, options.HostsTriedCount > 1 ? options.HostsTried : null).ConfigureAwait(false);
    }

    /// <summary>Requests the page after <paramref name="previous"/>.</summary>
    public static async Task<CqlPage> ReadNextPageAsync(StatementRunner runner, byte[] pagingState, CqlPage previous, CancellationToken cancellationToken)
    {
        var options = runner.CreateOptions();
        var (frame, earlier) = await runner.ExecutePageAsync(pagingState, options, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        var info = CreateInfo(runner.Session, frame, options.Coordinator, earlier, options.HostsTriedCount > 1 ? options.HostsTried : null);
        RowsPage? rows;
        try
        {
            rows = RowsPage.Read(frame, previous.ProtocolColumns.Count > 0 ? previous.ProtocolColumns : runner.KnownColumns);
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        if (rows is null)
        {
            frame.Dispose();
            throw new CqlProtocolViolationException("The node answered a request for a further page with a result that holds no rows.");
        }

        return CqlPage.Create(rows, info, previous.Number + 1);
    }

    /// <summary>
    /// Reads a RESULT frame (taking ownership of it). Rows become the first page; a schema change waits for the
    /// cluster's schema agreement; a bare Void result without envelope shares one immutable result set per node.
    /// Completes synchronously (no allocation for the task) unless it waits for schema agreement.
    /// </summary>
    public static ValueTask<CqlResultSet> ToResultSetAsync(
        CqlSession session, StatementRunner? runner, ResponseFrame frame, IReadOnlyList<CqlColumn>? knownColumns,
        EndPoint? coordinator, EndPoint? earlier, CancellationToken cancellationToken, IReadOnlyList<CqlHost>? hostsTried = null)
    {
        ResultKind kind;
        SchemaChange? change = null;
        try
        {
            var reader = new CqlReader(frame.Body);
            kind = (ResultKind)reader.ReadInt32();
            if (kind == ResultKind.Rows)
            {
                var rowsInfo = CreateInfo(session, frame, coordinator, earlier, hostsTried);
                var rows = RowsPage.Read(frame, knownColumns)!;
                return new(new CqlResultSet(runner, CqlPage.Create(rows, rowsInfo, 0)));
            }

            if (kind == ResultKind.SchemaChange)
            {
                change = SchemaChange.Read(ref reader);
            }

            if (kind == ResultKind.Void && earlier is null && hostsTried is not { Count: > 1 } && frame.TracingId is null && frame.Warnings is null && frame.CustomPayload is null && coordinator is not null)
            {
                frame.Dispose();
                return new(session.GetVoidResult(coordinator));
            }
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        var envelope = CreateInfo(session, frame, coordinator, earlier, hostsTried);
        frame.Dispose();
        return change is null
            ? new(new CqlResultSet(null, CqlPage.Empty(envelope)))
            : new(AwaitSchemaAgreementAsync(session, change, envelope, cancellationToken));
    }

    private static async Task<CqlResultSet> AwaitSchemaAgreementAsync(CqlSession session, SchemaChange change, CqlExecutionInfo envelope, CancellationToken cancellationToken)
    {
        var agreed = await SchemaAgreement.WaitAsync(session, session.MaxSchemaAgreementWait, cancellationToken).ConfigureAwait(false);
        var info = new CqlExecutionInfo(session, envelope.Coordinator, envelope.TriedHosts, envelope.TracingId, envelope.Warnings, envelope.IncomingPayload)
        {
            SchemaChange = change,
            IsSchemaInAgreement = agreed,
        };
        return new CqlResultSet(null, CqlPage.Empty(info));
    }

    public static CqlExecutionInfo CreateInfo(CqlSession session, ResponseFrame frame, EndPoint? coordinator, EndPoint? earlier, IReadOnlyList<CqlHost>? hostsTried = null)
    {
        IReadOnlyList<EndPoint> tried = hostsTried is { Count: > 1 } ? [.. hostsTried.Select(h => (EndPoint)h.EndPoint)]
            : earlier is not null && coordinator is not null ? [earlier, coordinator]
            : coordinator is not null ? session.GetTriedHosts(coordinator)
            : [];
        return new CqlExecutionInfo(session, coordinator, tried, frame.TracingId, frame.Warnings, frame.CustomPayload);
    }
}
