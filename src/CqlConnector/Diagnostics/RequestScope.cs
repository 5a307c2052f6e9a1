using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace CqlConnector.Diagnostics;

/// <summary>
/// The diagnostics of one request in flight, from <see cref="CqlDiagnostics.StartRequest"/>. A struct, so that a
/// request nobody observes allocates nothing; complete it exactly once. The default scope records nothing.
/// </summary>
internal readonly struct RequestScope
{
    private readonly Activity? _activity;
    private readonly long _startTimestamp;
    private readonly string _operation;
    private readonly string? _keyspace;
    private readonly bool _inFlight;
    private readonly ILogger? _logger;

    internal RequestScope(Activity? activity, long startTimestamp, string operation, string? keyspace, bool inFlight, ILogger? logger)
    {
        _activity = activity;
        _startTimestamp = startTimestamp;
        _operation = operation;
        _keyspace = keyspace;
        _inFlight = inFlight;
        _logger = logger;
    }

    /// <summary>The request's span, when someone listens (to add events such as retries).</summary>
    public Activity? Activity => _activity;

    /// <summary>Records the outcome: the node that answered (or last tried) and the failure, if any.</summary>
    public void Complete(EndPoint? coordinator, Exception? exception, Guid? coordinatorId = null)
    {
        if (_inFlight)
        {
            CqlMetrics.InFlight.Add(-1);
        }

        // A failed request may not have recorded its coordinator; the node that answered with the error knows it.
        coordinator ??= (exception as CqlServerException)?.Coordinator;
        var errorType = exception is null ? null : CqlDiagnostics.GetErrorType(exception);
        if (_startTimestamp != 0)
        {
            var tags = new TagList
            {
                { "db.system.name", "cassandra" },
                { "db.operation.name", _operation },
            };
            if (_keyspace is not null)
            {
                tags.Add("db.namespace", _keyspace);
            }

            if (coordinator is not null)
            {
                foreach (var tag in CqlMetrics.HostTags(coordinator))
                {
                    tags.Add(tag);
                }
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
                CqlMetrics.Errors.Add(1, tags);
            }

            CqlMetrics.Requests.Add(1, tags);
            CqlMetrics.Duration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
        }

        if (_activity is not null)
        {
            CqlActivitySource.Stop(_activity, coordinator, coordinatorId, exception, errorType);
        }

        if (exception is not null && _logger is not null)
        {
            if (exception is CqlTimeoutException timeout)
            {
                Log.RequestTimedOut(_logger, _operation, coordinator, timeout.Timeout);
            }
            else
            {
                Log.RequestFailed(_logger, _operation, coordinator, errorType!, exception);
            }
        }
    }
}
