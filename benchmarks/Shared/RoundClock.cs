using System.Diagnostics;

/// <summary>
/// Times one round of a benchmark: wall time and this process's CPU time (the node runs in another process). Each round
/// starts from a collected heap, so one path's garbage is not collected on the next path's time. With BENCH_GC set it
/// prints the round's allocations, collections and pause time.
/// </summary>
internal static class RoundClock
{
    public static async Task<(double Wall, double Cpu)> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        await action();
        stopwatch.Stop();
        process.Refresh();
        if (Environment.GetEnvironmentVariable("BENCH_GC") is not null)
        {
            Console.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"  {stopwatch.Elapsed.TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0:F1} MB, "
                + $"gc0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, "
                + $"pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms"));
        }

        return (stopwatch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }
}
