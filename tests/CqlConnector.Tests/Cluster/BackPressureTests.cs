using System.Diagnostics;
using System.Reflection;
using CqlConnector.Connections;
using CqlConnector.Pooling;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

/// <summary>Saturating a pool needs a node that holds requests unanswered: the in-process fake server.</summary>
public sealed class BackPressureTests
{
    [Fact]
    public async Task Past_the_bounded_queue_a_request_fails_fast_with_CqlBusyException()
    {
        await using var server = new FakeCqlServer { OnQuery = _ => null };
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Max Requests Per Connection=2;Max Queue Size=1;Command Timeout=5");
        await using var connection = await dataSource.OpenConnectionAsync();

        Task Hang() => new CqlCommand("SELECT * FROM ks.hang", connection).ExecuteNonQueryAsync();
        var inFlight = new[] { Hang(), Hang() };
        var queued = Hang();
        await Task.Delay(200);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var busy = await Assert.ThrowsAsync<CqlBusyException>(Hang);
        // Immediate in practice; the bound only has to stay below the 5 s a waiting request would take.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"Rejection took {watch.ElapsedMilliseconds} ms.");
        Assert.Contains("'Max Queue Size'", busy.Message);

        var state = Assert.Single(dataSource.Session.GetPoolStates());
        Assert.Equal(2, state.InFlightRequests);
        Assert.Equal(1, state.QueuedRequests);

        // The unanswered requests still end, with their timeout: nothing hangs.
        await Assert.ThrowsAsync<CqlTimeoutException>(() => inFlight[0]);
        await Assert.ThrowsAnyAsync<CqlException>(() => queued);
    }

    [Fact]
    public async Task A_wait_for_a_stream_id_ends_at_the_deadline_it_is_given_not_a_fresh_timeout()
    {
        await using var server = new FakeCqlServer { OnQuery = _ => null };
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Max Requests Per Connection=1;Command Timeout=30");
        await using var connection = await dataSource.OpenConnectionAsync();
        var session = dataSource.Session;
        var pool = session.GetPool(session.Hosts[0])!;
        var hanging = new CqlCommand("SELECT * FROM ks.hang", connection).ExecuteNonQueryAsync();
        while (pool.Connections.Sum(c => c.InFlight) < 1)
        {
            await Task.Delay(10);
        }

        // What is left of a wait that began earlier: the deadline, not the 30 s timeout, ends it.
        var watch = Stopwatch.StartNew();
        var deadline = HostConnectionPool.DeadlineAfter(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<CqlTimeoutException>(() => pool.AcquireAsync(IOBehavior.Asynchronous, TimeSpan.FromSeconds(30), deadline, default).AsTask());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The wait took {watch.Elapsed}.");

        // And a deadline already past fails at once, without queueing.
        await Assert.ThrowsAsync<CqlTimeoutException>(() => pool.AcquireAsync(IOBehavior.Synchronous, TimeSpan.FromSeconds(30), Environment.TickCount64 - 1, default).AsTask());
        Assert.Equal(0, pool.QueuedRequests);
        session.Dispose();
        await Assert.ThrowsAnyAsync<CqlException>(() => hanging);
    }

    [Fact]
    public async Task A_request_beaten_to_the_stream_id_again_and_again_fails_at_its_original_deadline()
    {
        await using var server = new FakeCqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Max Requests Per Connection=1;Command Timeout=1");
        await using var connection = await dataSource.OpenConnectionAsync();
        var session = dataSource.Session;
        var physical = Assert.Single(session.GetPool(session.Hosts[0])!.Connections);

        // Each time the request gets the connection, its only stream id is already gone, as when another request takes
        // it between the pool's look and the send: simulated deterministically by hiding the free id (the pool still
        // counts nothing in flight, so it keeps handing the connection out). Formerly every such loss queued the
        // request again with a fresh timeout, here for ever.
        var fields = BindingFlags.NonPublic | BindingFlags.Instance;
        var freeIds = (Stack<short>)typeof(CqlPhysicalConnection).GetField("_freeStreamIds", fields)!.GetValue(physical)!;
        var idLock = typeof(CqlPhysicalConnection).GetField("_streamIdLock", fields)!.GetValue(physical)!;
        short hidden;
        lock (idLock)
        {
            hidden = freeIds.Pop();
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var request = Task.Run(() => new CqlCommand("SELECT * FROM ks.t", connection).ExecuteNonQueryAsync());
            var error = await Assert.ThrowsAsync<CqlTimeoutException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains("free stream id", error.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The request waited {watch.Elapsed} with a 1 s timeout.");
        }
        finally
        {
            lock (idLock)
            {
                freeIds.Push(hidden);
            }
        }

        // The connection itself was never disturbed: it serves once its stream id is back.
        await new CqlCommand("SELECT * FROM ks.t", connection).ExecuteNonQueryAsync();
    }
}
