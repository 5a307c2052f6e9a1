using System.Diagnostics;
using CqlConnector.Connections;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
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
[Collection(ProcessWideCollection.Name)]
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

        // Not disposed: queued items may still reach their Wait after the test has ended (disposing would crash them).
        var gate = new ManualResetEventSlim();
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

    [Fact]
    public async Task A_synchronous_request_sends_the_frames_of_a_flush_deferred_to_a_blocked_pool()
    {
        var connection = await PooledConnection.FirstAsync(fixture.DataSource);
        var table = $"{fixture.Keyspace}.deferred_flush";
        // Not disposed: queued items may still reach their Wait after the test has ended (disposing would crash them).
        var gate = new ManualResetEventSlim();
        using var sent = new ManualResetEventSlim();
        ValueTask<ResponseFrame> deferred = default;
        var scheduled = false;
        try
        {
            // On a pool thread: queue far more blocked items than the pool has threads, then send asynchronously. The
            // pool's queue is not empty, so the flush is deferred behind those items and cannot run until they end.
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    for (var i = 0; i < 256; i++)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(static g => g.Wait(TimeSpan.FromSeconds(60)), gate, preferLocal: false);
                    }

                    deferred = connection.SendAsync(Insert(table, 42), TimeSpan.FromSeconds(30), IOBehavior.Asynchronous, default);
                    scheduled = connection.FlushScheduled && connection.HasUnsentFrames;
                    sent.Set();
                },
                null);
            Assert.True(sent.Wait(TimeSpan.FromSeconds(10)), "The asynchronous request was not sent.");
            Assert.True(scheduled, "The flush of the asynchronous request was not deferred.");

            // A synchronous request flushes itself, and with it the deferred frame, without any pool thread.
            var watch = Stopwatch.StartNew();
            SendSynchronously(connection, Insert(table, 43));
            Assert.False(connection.HasUnsentFrames, "The synchronous request left the deferred frame to the pool.");
            using var ado = (CqlConnection)fixture.DataSource.OpenConnection();
            using var select = new CqlCommand($"SELECT k FROM {table} WHERE k = 42", ado);
            object? found = null;
            while (found is null && watch.Elapsed < TimeSpan.FromSeconds(5))
            {
                found = select.ExecuteScalar();
            }

            Assert.Equal(42, found);
        }
        finally
        {
            gate.Set();
        }

        (await deferred.AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task With_Defer_Flush_false_an_asynchronous_request_is_sent_at_once_even_with_pool_work_queued()
    {
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString + ";Defer Flush=false");
        var connection = await PooledConnection.FirstAsync(dataSource);
        var table = $"{fixture.Keyspace}.deferred_flush";
        // Not disposed: queued items may still reach their Wait after the test has ended (disposing would crash them).
        var gate = new ManualResetEventSlim();
        using var sent = new ManualResetEventSlim();
        ValueTask<ResponseFrame> request = default;
        var leftUnsent = true;
        try
        {
            // The same queued pool work as above, which would defer the flush by default.
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    for (var i = 0; i < 256; i++)
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(static g => g.Wait(TimeSpan.FromSeconds(60)), gate, preferLocal: false);
                    }

                    request = connection.SendAsync(Insert(table, 44), TimeSpan.FromSeconds(30), IOBehavior.Asynchronous, default);
                    leftUnsent = connection.FlushScheduled || connection.HasUnsentFrames;
                    sent.Set();
                },
                null);
            Assert.True(sent.Wait(TimeSpan.FromSeconds(10)), "The asynchronous request was not sent.");
            Assert.False(leftUnsent, "With Defer Flush=false the frame was left for a deferred flush.");
        }
        finally
        {
            gate.Set();
        }

        (await request.AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    /// <summary>With <see cref="IOBehavior.Synchronous"/> the returned task is already complete.</summary>
    private static void SendSynchronously(CqlPhysicalConnection connection, CqlRequest request)
        => connection.SendAsync(request, TimeSpan.FromSeconds(10), IOBehavior.Synchronous, default).Result.Dispose();

    private static QueryRequest Insert(string table, int key)
        => new($"INSERT INTO {table} (k) VALUES ({key})", new QueryParameters { Consistency = ConsistencyLevel.One });
}
