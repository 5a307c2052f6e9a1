using System.Diagnostics.Metrics;
using System.Net;

namespace CqlConnector.Diagnostics;

/// <summary>
/// The driver's instruments on the <c>CqlConnector</c> meter. Names follow OpenTelemetry's database client
/// conventions where one exists (<c>db.client.operation.duration</c>); the others are under <c>cassandra.client.</c>.
/// Every instrument is cheap while no listener enables it: callers check <c>Enabled</c> before building tags.
/// </summary>
internal static class CqlMetrics
{
    private static readonly Lock SourcesLock = new();
    private static readonly List<WeakReference<Func<IEnumerable<Measurement<int>>>>> ConnectionSources = [];

    public static Meter Meter { get; } = new(CqlTelemetry.MeterName, typeof(CqlMetrics).Assembly.GetName().Version?.ToString());

    /// <summary>Requests completed, tagged by outcome (<c>error.type</c> on failures).</summary>
    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>(
        "cassandra.client.requests", "{request}", "Requests completed, successful or not.");

    /// <summary>Duration of each request from the caller's point of view, in seconds.</summary>
    public static Histogram<double> Duration { get; } = Meter.CreateHistogram(
        "db.client.operation.duration",
        "s",
        "Duration of database client operations.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10] });

    /// <summary>Failed requests by kind (<c>error.type</c>: the protocol error, timeout, connection, cancelled...).</summary>
    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>(
        "cassandra.client.errors", "{error}", "Failed requests by kind of error.");

    /// <summary>Retries decided by the retry policy.</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        "cassandra.client.retries", "{retry}", "Requests sent again after an error, by the retry policy's decision.");

    /// <summary>Speculative executions started for idempotent requests.</summary>
    public static Counter<long> SpeculativeExecutions { get; } = Meter.CreateCounter<long>(
        "cassandra.client.speculative_executions", "{execution}", "Speculative executions started for slow idempotent requests.");

    /// <summary>Requests sent and not yet answered.</summary>
    public static UpDownCounter<long> InFlight { get; } = Meter.CreateUpDownCounter<long>(
        "cassandra.client.requests.in_flight", "{request}", "Requests sent and not yet completed.");

    /// <summary>Open connections per host, reported by the sessions that registered a source.</summary>
    public static ObservableGauge<int> OpenConnections { get; } = Meter.CreateObservableGauge(
        "cassandra.client.connections.open", ObserveConnections, "{connection}", "Open connections, per host (server.address, server.port).");

    /// <summary>
    /// Registers a session's source of open-connection counts (one measurement per host, tagged with
    /// <see cref="HostTags"/>). The source is held weakly, so a session that is never disposed is not kept alive;
    /// disposing the returned registration stops the reports at once.
    /// </summary>
    public static IDisposable RegisterConnectionSource(Func<IEnumerable<Measurement<int>>> source)
    {
        var reference = new WeakReference<Func<IEnumerable<Measurement<int>>>>(source);
        lock (SourcesLock)
        {
            ConnectionSources.Add(reference);
        }

        return new Registration(reference);
    }

    /// <summary>
    /// The tags naming a host: <c>server.address</c> and <c>server.port</c>. Cached per end point (a cluster has few
    /// hosts), so that recording a request allocates nothing for them.
    /// </summary>
    public static KeyValuePair<string, object?>[] HostTags(EndPoint endPoint) => HostTagCache.GetOrAdd(endPoint, CreateHostTags);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<EndPoint, KeyValuePair<string, object?>[]> HostTagCache = new();

    private static KeyValuePair<string, object?>[] CreateHostTags(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => [new("server.address", ip.Address.ToString()), new("server.port", ip.Port)],
        DnsEndPoint dns => [new("server.address", dns.Host), new("server.port", dns.Port)],
        _ => [new("server.address", endPoint.ToString())],
    };

    private static IEnumerable<Measurement<int>> ObserveConnections()
    {
        Func<IEnumerable<Measurement<int>>>[] sources;
        lock (SourcesLock)
        {
            ConnectionSources.RemoveAll(r => !r.TryGetTarget(out _));
            sources = ConnectionSources.Select(r => r.TryGetTarget(out var s) ? s : null).OfType<Func<IEnumerable<Measurement<int>>>>().ToArray();
        }

        return sources.SelectMany(s => s());
    }

    private sealed class Registration(WeakReference<Func<IEnumerable<Measurement<int>>>> reference) : IDisposable
    {
        public void Dispose()
        {
            lock (SourcesLock)
            {
                ConnectionSources.Remove(reference);
            }
        }
    }
}
