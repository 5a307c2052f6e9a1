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
        Assert.True(watch.ElapsedMilliseconds < 500, $"Rejection took {watch.ElapsedMilliseconds} ms.");
        Assert.Contains("'Max Queue Size'", busy.Message);

        var state = Assert.Single(dataSource.Session.GetPoolStates());
        Assert.Equal(2, state.InFlightRequests);
        Assert.Equal(1, state.QueuedRequests);

        // The unanswered requests still end, with their timeout: nothing hangs.
        await Assert.ThrowsAsync<CqlTimeoutException>(() => inFlight[0]);
        await Assert.ThrowsAnyAsync<CqlException>(() => queued);
    }
}
