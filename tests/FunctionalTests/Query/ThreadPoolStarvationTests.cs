using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// Synchronous queries and SaveChanges complete while every thread-pool worker is blocked: no synchronous wait in EF's
/// sync path or the driver's depends on a pool thread (the driver reads on its own threads and opens connections
/// there). Runs alone: it takes the whole pool away from the process.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public class ThreadPoolStarvationTests
{
    [Fact]
    public async Task Sync_ToList_First_Count_and_SaveChanges_complete_while_the_thread_pool_is_starved()
    {
        await using var store = await ReadingStore.CreateAsync("starve", ReadingStore.Rows(2, 20));

        RunStarved(store.ConnectionString);

        await using var check = store.CreateContext();
        Assert.Equal("saved while starved", (await check.Readings.SingleAsync(r => r.Sensor == "s1" && r.Day == 1 && r.At == 0 && r.Seq == 1)).Note);
    }

    private static void RunStarved(string storeConnectionString)
    {
        // A connection string of its own: a new data source whose session and connections open while the pool is starved.
        var connectionString = storeConnectionString + ";Page Size=7";

        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var release = new ManualResetEventSlim();
        var started = 0;
        var probe = new ManualResetEventSlim();
        Exception? error = null;
        (int Listed, Reading? First, int Counted, bool Saved) result = default;
        bool completed;
        bool probeRanDuringTheTest;
        int blockers;
        try
        {
            var workers = Environment.ProcessorCount;
            Assert.True(ThreadPool.SetMinThreads(1, 1));
            Assert.True(ThreadPool.SetMaxThreads(workers, workers));

            // Queue blockers until one does not start within a second: every worker the pool has, or may add, is blocked.
            for (blockers = 1; ; blockers++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    Interlocked.Increment(ref started);
                    release.Wait();
                }, null);
                if (!SpinWait.SpinUntil(() => Volatile.Read(ref started) == blockers, TimeSpan.FromSeconds(1)))
                {
                    break;
                }

                Assert.True(blockers < 256, "the thread pool kept adding threads");
            }

            ThreadPool.UnsafeQueueUserWorkItem(_ => probe.Set(), null);

            var thread = new Thread(() =>
            {
                try
                {
                    using var context = new ReadingContext(new DbContextOptionsBuilder().UseCassandra(connectionString).Options);
                    var listed = context.Readings.Where(r => r.Sensor == "s1" && r.Day == 1).ToList();
                    var first = context.Readings.First(r => r.Sensor == "s0" && r.Day == 1 && r.At == 3);
                    // Two rows of one partition: an unlogged batch, on the synchronous path too.
                    context.Add(new Reading { Sensor = "s9", Day = 1, At = 1, Seq = 1, Value = 9, Unit = "C" });
                    context.Add(new Reading { Sensor = "s9", Day = 1, At = 2, Seq = 1, Value = 10, Unit = "C" });
                    listed[0].Note = "saved while starved";
                    context.SaveChanges();
                    var counted = context.Readings.Count(r => r.Sensor == "s9" && r.Day == 1);
                    result = (listed.Count, first, counted, true);
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            })
            { IsBackground = true, Name = "starved caller" };
            thread.Start();
            completed = thread.Join(TimeSpan.FromSeconds(60));
            probeRanDuringTheTest = probe.IsSet;
        }
        finally
        {
            release.Set();
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }

        Assert.True(completed, "the synchronous calls did not complete within 60 s while the thread pool was starved");
        Assert.Null(error);
        Assert.False(probeRanDuringTheTest, $"the thread pool was not starved ({blockers} blockers)");
        Assert.Equal(20, result.Listed);
        Assert.Equal((3, 1), (result.First!.At, result.First.Seq));
        Assert.Equal(2, result.Counted);
    }
}
