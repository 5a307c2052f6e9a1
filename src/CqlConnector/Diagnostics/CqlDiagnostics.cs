using System.Diagnostics;
using CqlConnector.Protocol;
using Microsoft.Extensions.Logging;

namespace CqlConnector.Diagnostics;

/// <summary>
/// What the request path calls around each request: <c>var scope = CqlDiagnostics.StartRequest(...)</c> before
/// sending, <c>scope.Complete(coordinator, exception)</c> once it completed or failed. It feeds the span, the metrics
/// and the logs; when nobody listens it costs a few flag checks and allocates nothing.
/// </summary>
internal static class CqlDiagnostics
{
    /// <summary>Whether a span listener or an enabled request instrument observes requests at all.</summary>
    public static bool IsObserved
        => CqlActivitySource.Source.HasListeners() || CqlMetrics.Requests.Enabled || CqlMetrics.Duration.Enabled || CqlMetrics.Errors.Enabled
            || CqlMetrics.InFlight.Enabled;

    /// <summary>Starts the diagnostics of one request.</summary>
    /// <param name="operation">The CQL operation (SELECT, INSERT, BATCH...): see <see cref="GetOperationName"/>.</param>
    /// <param name="keyspace">The keyspace the request works in, when known.</param>
    /// <param name="consistency">The request's consistency level.</param>
    /// <param name="isIdempotent">Whether the request may safely be sent again.</param>
    /// <param name="pageSize">The page size (0 when not paged).</param>
    /// <param name="queryText">The CQL; recorded on the span only when <see cref="CqlTelemetry.RecordQueryTextSwitch"/> is on.</param>
    /// <param name="logger">The session's logger, for failures and timeouts; null logs nothing.</param>
    public static RequestScope StartRequest(
        string operation, string? keyspace, ConsistencyLevel consistency, bool isIdempotent, int pageSize = 0, string? queryText = null, ILogger? logger = null)
    {
        var activity = CqlActivitySource.StartRequest(operation, keyspace, consistency, isIdempotent, pageSize, CqlTelemetry.RecordQueryText ? queryText : null);
        var measured = CqlMetrics.Requests.Enabled || CqlMetrics.Duration.Enabled || CqlMetrics.Errors.Enabled;
        var inFlight = CqlMetrics.InFlight.Enabled;
        if (inFlight)
        {
            CqlMetrics.InFlight.Add(1);
        }

        return new RequestScope(activity, measured || activity is not null ? Stopwatch.GetTimestamp() : 0, operation, keyspace, inFlight, logger);
    }

    /// <summary>Counts a retry decided by the retry policy, and logs it.</summary>
    public static void RecordRetry(string operation, string decision, int attempt, Exception cause, ILogger? logger = null)
    {
        var errorType = GetErrorType(cause);
        if (CqlMetrics.Retries.Enabled)
        {
            CqlMetrics.Retries.Add(1, new KeyValuePair<string, object?>("cassandra.retry.decision", decision), new KeyValuePair<string, object?>("error.type", errorType));
        }

        if (logger is not null)
        {
            Log.RetryDecided(logger, operation, decision, attempt, errorType);
        }
    }

    /// <summary>Counts a speculative execution sent to <paramref name="host"/>, and logs it.</summary>
    public static void RecordSpeculativeExecution(string operation, int execution, System.Net.EndPoint host, ILogger? logger = null)
    {
        if (CqlMetrics.SpeculativeExecutions.Enabled)
        {
            CqlMetrics.SpeculativeExecutions.Add(1, new KeyValuePair<string, object?>("db.operation.name", operation));
        }

        Activity.Current?.AddEvent(new ActivityEvent("cassandra.speculative_execution"));
        if (logger is not null)
        {
            Log.SpeculativeExecutionStarted(logger, execution, operation, host);
        }
    }

    /// <summary>
    /// The operation of a CQL statement, its first keyword in upper case (SELECT, INSERT, UPDATE, DELETE, BATCH,
    /// CREATE...), without allocating for the common ones; "QUERY" when there is none.
    /// </summary>
    public static string GetOperationName(string? cql)
    {
        var text = cql.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var word = text[..end];
        foreach (var known in (ReadOnlySpan<string>)["SELECT", "INSERT", "UPDATE", "DELETE", "BEGIN", "CREATE", "ALTER", "DROP", "TRUNCATE", "USE", "GRANT", "REVOKE", "LIST"])
        {
            if (word.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                // "BEGIN BATCH ..." is a batch.
                return known == "BEGIN" ? "BATCH" : known;
            }
        }

        return word.IsEmpty ? "QUERY" : word.ToString().ToUpperInvariant();
    }

    /// <summary>
    /// The <c>error.type</c> of a failure: the protocol error in snake case for server errors (read_timeout,
    /// unavailable, invalid...), timeout, connection, cancelled, protocol_violation, or the exception's type name.
    /// </summary>
    public static string GetErrorType(Exception exception) => exception switch
    {
        CqlServerException server => server.Code switch
        {
            CqlErrorCode.ServerError => "server_error",
            CqlErrorCode.ProtocolError => "protocol_error",
            CqlErrorCode.AuthenticationError => "authentication_error",
            CqlErrorCode.Unavailable => "unavailable",
            CqlErrorCode.Overloaded => "overloaded",
            CqlErrorCode.IsBootstrapping => "is_bootstrapping",
            CqlErrorCode.TruncateError => "truncate_error",
            CqlErrorCode.WriteTimeout => "write_timeout",
            CqlErrorCode.ReadTimeout => "read_timeout",
            CqlErrorCode.ReadFailure => "read_failure",
            CqlErrorCode.FunctionFailure => "function_failure",
            CqlErrorCode.WriteFailure => "write_failure",
            CqlErrorCode.CdcWriteFailure => "cdc_write_failure",
            CqlErrorCode.CasWriteUnknown => "cas_write_unknown",
            CqlErrorCode.SyntaxError => "syntax_error",
            CqlErrorCode.Unauthorized => "unauthorized",
            CqlErrorCode.Invalid => "invalid",
            CqlErrorCode.ConfigError => "config_error",
            CqlErrorCode.AlreadyExists => "already_exists",
            CqlErrorCode.Unprepared => "unprepared",
            _ => "server_error",
        },
        CqlTimeoutException => "timeout",
        CqlConnectionException => "connection",
        OperationCanceledException => "cancelled",
        CqlProtocolViolationException => "protocol_violation",
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
