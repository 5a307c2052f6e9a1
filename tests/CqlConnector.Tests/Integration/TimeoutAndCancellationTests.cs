using System.Diagnostics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

/// <summary>
/// Timeouts and cancellation need a node that does not answer on demand, which a real one cannot do: these tests
/// use the in-process fake server.
/// </summary>
public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task Unanswered_request_raises_CqlTimeoutException_after_the_command_timeout()
    {
        await using var server = new FakeCqlServer { OnQuery = _ => null };
        await using var connection = new CqlConnection(server.ConnectionString + ";Command Timeout=1");
        await connection.OpenAsync();
        using var command = new CqlCommand("SELECT * FROM ks.never", connection);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CqlTimeoutException>(() => command.ExecuteNonQueryAsync());

        // The upper bound leaves room for a loaded CI machine; what matters is that the timeout, not the test, ended it.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Contains("did not answer within the request timeout of 1000 ms", error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void Unanswered_request_times_out_on_the_synchronous_path_too()
    {
        using var server = new FakeCqlServerSync(new FakeCqlServer { OnQuery = _ => null });
        using var connection = new CqlConnection(server.Server.ConnectionString + ";Command Timeout=1");
        connection.Open();
        using var command = new CqlCommand("SELECT * FROM ks.never", connection);

        Assert.Throws<CqlTimeoutException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public async Task Cancelled_request_is_honoured_at_once_not_at_its_timeout()
    {
        await using var server = new FakeCqlServer { OnQuery = _ => null };
        await using var connection = new CqlConnection(server.ConnectionString + ";Command Timeout=30");
        await connection.OpenAsync();
        using var command = new CqlCommand("SELECT * FROM ks.never", connection);
        using var cancellation = new CancellationTokenSource();

        var task = command.ExecuteNonQueryAsync(cancellation.Token);
        await Task.Delay(100);
        Assert.False(task.IsCompleted);
        var watch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        // Typically well under a millisecond; the bound is far below the 30 s timeout but tolerates a starved thread pool
        // on a loaded CI machine (the awaiting continuation needs a pool thread).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Cancellation took {watch.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task Late_response_to_a_timed_out_request_does_not_reach_the_next_request()
    {
        // The first query is answered after 1.5 s, past its 1 s timeout; the second is answered at once. The late
        // answer must be dropped (its stream id is held until it arrives), and the connection stays usable.
        var calls = 0;
        await using var server = new FakeCqlServer
        {
            OnQuery = _ => Interlocked.Increment(ref calls) == 1 ? TimeSpan.FromMilliseconds(1500) : TimeSpan.Zero,
        };
        await using var connection = new CqlConnection(server.ConnectionString + ";Command Timeout=1");
        await connection.OpenAsync();
        using var command = new CqlCommand("INSERT INTO ks.t (k) VALUES (1)", connection);

        await Assert.ThrowsAsync<CqlTimeoutException>(() => command.ExecuteNonQueryAsync());
        await Task.Delay(800);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(-1, await command.ExecuteNonQueryAsync());
        }
    }

    private sealed class FakeCqlServerSync(FakeCqlServer server) : IDisposable
    {
        public FakeCqlServer Server { get; } = server;

        public void Dispose() => Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
