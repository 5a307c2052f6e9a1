using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CqlConnector.Diagnostics;

/// <summary>
/// The <c>CqlConnector</c> activity source: one CLIENT span per request, with the attributes of OpenTelemetry's
/// database and Cassandra semantic conventions (db.system.name, db.namespace, db.operation.name, db.query.text when
/// enabled, server.address/port, cassandra.consistency.level, cassandra.coordinator.id, db.response.status_code and
/// error.type on failures).
/// </summary>
internal static class CqlActivitySource
{
    public static ActivitySource Source { get; } = new(CqlTelemetry.ActivitySourceName, typeof(CqlActivitySource).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span, or returns null when nobody listens (the common, free case).</summary>
    public static Activity? StartRequest(string operation, string? keyspace, ConsistencyLevel consistency, bool isIdempotent, int pageSize, string? queryText)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // Span name per the conventions: "{db.operation.name} {db.namespace}" when both are known.
        var activity = Source.StartActivity(keyspace is null ? operation : $"{operation} {keyspace}", ActivityKind.Client);
        if (activity is not { IsAllDataRequested: true })
        {
            return activity;
        }

        activity.SetTag("db.system.name", "cassandra");
        activity.SetTag("db.operation.name", operation);
        if (keyspace is not null)
        {
            activity.SetTag("db.namespace", keyspace);
        }

        if (queryText is not null)
        {
            activity.SetTag("db.query.text", queryText);
        }

        activity.SetTag("cassandra.consistency.level", ConsistencyName(consistency));
        activity.SetTag("cassandra.query.idempotent", isIdempotent);
        if (pageSize > 0)
        {
            activity.SetTag("cassandra.page.size", pageSize);
        }

        return activity;
    }

    /// <summary>Records the coordinator and the outcome, then stops the span.</summary>
    public static void Stop(Activity activity, EndPoint? coordinator, Guid? coordinatorId, Exception? exception, string? errorType)
    {
        if (activity.IsAllDataRequested)
        {
            if (coordinator is not null)
            {
                foreach (var tag in CqlMetrics.HostTags(coordinator))
                {
                    activity.SetTag(tag.Key, tag.Value);
                }
            }

            if (coordinatorId is { } id)
            {
                activity.SetTag("cassandra.coordinator.id", id.ToString());
            }

            if (exception is not null)
            {
                activity.SetTag("error.type", errorType);
                if (exception is CqlServerException server)
                {
                    activity.SetTag("db.response.status_code", ((int)server.Code).ToString(CultureInfo.InvariantCulture));
                }

                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                activity.AddException(exception);
            }
        }

        activity.Stop();
    }

    /// <summary>The convention's value of a consistency level, e.g. "local_quorum".</summary>
    public static string ConsistencyName(ConsistencyLevel consistency) => consistency switch
    {
        ConsistencyLevel.Any => "any",
        ConsistencyLevel.One => "one",
        ConsistencyLevel.Two => "two",
        ConsistencyLevel.Three => "three",
        ConsistencyLevel.Quorum => "quorum",
        ConsistencyLevel.All => "all",
        ConsistencyLevel.LocalQuorum => "local_quorum",
        ConsistencyLevel.EachQuorum => "each_quorum",
        ConsistencyLevel.Serial => "serial",
        ConsistencyLevel.LocalSerial => "local_serial",
        ConsistencyLevel.LocalOne => "local_one",
        _ => consistency.ToString().ToLowerInvariant(),
    };
}
