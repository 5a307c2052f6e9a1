using System.Net;

namespace CqlConnector.Execution;

/// <summary>
/// Reads a query trace from system_traces. Nodes write traces asynchronously, after answering: the session row
/// appears first without its duration, which is set once the coordinator is done, so read until it is set.
/// </summary>
internal static class QueryTraceReader
{
    public static async Task<CqlQueryTrace> ReadAsync(CqlSession session, Guid traceId, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + maxWait;
        var delay = TimeSpan.FromMilliseconds(3);
        while (true)
        {
            var trace = await TryReadAsync(session, traceId, cancellationToken).ConfigureAwait(false);
            if (trace is not null)
            {
                return trace;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"The trace {traceId} was not complete in system_traces within {maxWait.TotalSeconds:0.###} s; nodes write traces asynchronously and may lag under load. "
                    + "Call GetQueryTraceAsync again later or with a longer wait.");
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private static async Task<CqlQueryTrace?> TryReadAsync(CqlSession session, Guid traceId, CancellationToken cancellationToken)
    {
        CqlQueryTrace? trace = null;
        var sessionQuery = new SimpleStatement(
            "SELECT request, coordinator, started_at, duration, parameters FROM system_traces.sessions WHERE session_id = ?", traceId)
        { Consistency = ConsistencyLevel.One, IsIdempotent = true };
        await using (var result = await session.ExecuteAsync(sessionQuery, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in result.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (row.Get<int?>(3) is not { } durationMicros)
                {
                    return null;
                }

                trace = new CqlQueryTrace(
                    traceId,
                    row.Get<string?>(0),
                    row.Get<IPAddress?>(1),
                    row.Get<DateTimeOffset?>(2),
                    TimeSpan.FromMicroseconds(durationMicros),
                    row.Get<Dictionary<string, string>?>(4) ?? [],
                    []);
            }
        }

        if (trace is null)
        {
            return null;
        }

        var events = new List<CqlTraceEvent>();
        var eventsQuery = new SimpleStatement(
            "SELECT event_id, activity, source, source_elapsed, thread FROM system_traces.events WHERE session_id = ?", traceId)
        { Consistency = ConsistencyLevel.One, IsIdempotent = true };
        await using (var result = await session.ExecuteAsync(eventsQuery, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in result.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                events.Add(new CqlTraceEvent(
                    row.Get<string?>(1),
                    row.Get<IPAddress?>(2),
                    TimeSpan.FromMicroseconds(row.Get<int?>(3) ?? 0),
                    row.Get<string?>(4),
                    ((TimeUuid)row.Get<Guid>(0)).Timestamp));
            }
        }

        return trace with { Events = events };
    }
}
