using System.Collections.Concurrent;
using System.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// Collects the driver's request spans (ActivitySource "CqlConnector") that belong to one test: every span under a
/// root activity the test starts, so requests of tests running in parallel are not counted.
/// </summary>
public sealed class CqlSpans : IDisposable
{
    private static readonly ActivitySource TestSource = new("EFCore.Cassandra.FunctionalTests");
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public CqlSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "CqlConnector" or "EFCore.Cassandra.FunctionalTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "CqlConnector" && activity.TraceId == _root?.TraceId)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test root")!;
    }

    /// <summary>The spans recorded so far whose operation is <paramref name="operation"/> (PREPARE, SELECT, ...).</summary>
    public IReadOnlyList<Activity> Of(string operation)
        => _spans.Where(s => (string?)s.GetTagItem("db.operation.name") == operation).ToList();

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
