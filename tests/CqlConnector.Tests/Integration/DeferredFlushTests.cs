using System.Diagnostics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

/// <summary>
/// An asynchronous request sent from a thread-pool thread while other pool work is queued leaves its frame for a
/// flush queued behind that work, so the continuations of one read share one write. No frame may be left behind,
/// and a synchronous caller must never depend on that queued flush (it flushes itself).
/// </summary>
public sealed class DeferredFlushTests
{
    [Fact]
    public async Task Concurrent_async_and_sync_requests_on_one_connection_all_complete()
    {
        await using var server = new FakeCqlServer();
        await using var connection = new CqlConnection(server.ConnectionString + ";Command Timeout=10");
        await connection.OpenAsync();

        // Many async flows on pool threads (their continuations keep the pool's queue non-empty, so flushes are
        // deferred), with synchronous callers on pool threads interleaved: every request must be answered.
        var asyncFlows = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await using var command = new CqlCommand("INSERT INTO ks.t (k) VALUES (1)", connection);
                Assert.Equal(-1, await command.ExecuteNonQueryAsync());
            }
        }));
        var syncFlows = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                using var command = new CqlCommand("INSERT INTO ks.t (k) VALUES (2)", connection);
                Assert.Equal(-1, command.ExecuteNonQuery());
            }
        }));

        await Task.WhenAll(asyncFlows.Concat(syncFlows)).WaitAsync(TimeSpan.FromSeconds(60));
    }
}

/// <summary>Synchronous requests never wait for a flush deferred to the thread pool.</summary>
public sealed class DeferredFlushNodeTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS deferred_flush (k int PRIMARY KEY)");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_synchronous_request_completes_while_every_pool_thread_is_blocked()
    {
        // The real node: an in-process fake server would itself need the blocked pool to answer.
        await using var connection = await fixture.DataSource.OpenConnectionAsync();

        // Keep async traffic going so that deferred flushes are being queued, then block the pool's threads.
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var command = new CqlCommand("INSERT INTO deferred_flush (k) VALUES (1)", connection);
                await command.ExecuteNonQueryAsync();
            }
        })).ToArray();
        await Task.Delay(200);

        using var gate = new ManualResetEventSlim();
        ThreadPool.GetMinThreads(out var workers, out _);
        for (var i = 0; i < workers * 4; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static g => g.Wait(TimeSpan.FromSeconds(30)), gate, preferLocal: false);
        }

        try
        {
            // On a thread of its own: each synchronous request must be written and answered without a pool thread.
            var elapsed = new Stopwatch();
            var thread = new Thread(() =>
            {
                elapsed.Start();
                for (var i = 0; i < 50; i++)
                {
                    using var command = new CqlCommand("INSERT INTO deferred_flush (k) VALUES (2)", connection);
                    command.ExecuteNonQuery();
                }

                elapsed.Stop();
            });
            thread.Start();
            Assert.True(thread.Join(TimeSpan.FromSeconds(20)), "The synchronous requests did not complete while the pool was blocked.");
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"The synchronous requests took {elapsed.Elapsed}.");
        }
        finally
        {
            gate.Set();
            stop.Cancel();
        }

        await Task.WhenAll(traffic).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
