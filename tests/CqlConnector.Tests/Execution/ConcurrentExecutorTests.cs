using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

public sealed class ConcurrentExecutorTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    private CqlSession Session => fixture.DataSource.Session;

    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS kv (k int PRIMARY KEY, v text)");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Results_come_in_input_order_with_failures_captured_in_place()
    {
        var statements = Enumerable.Range(0, 300).Select(i => i % 100 == 50
            ? new SimpleStatement("INSERT INTO no_such_table (k) VALUES (?)", i)
            : (CqlStatement)new SimpleStatement("SELECT k FROM kv WHERE k = ?", i));

        var results = await Session.ExecuteConcurrentAsync(statements, concurrency: 16);

        Assert.Equal(300, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(i, results[i].Index);
            if (i % 100 == 50)
            {
                Assert.False(results[i].IsSuccess);
                Assert.IsType<CqlInvalidQueryException>(results[i].Exception);
                Assert.Throws<CqlInvalidQueryException>(() => results[i].GetResultOrThrow());
            }
            else
            {
                Assert.True(results[i].IsSuccess, results[i].Exception?.Message);
                Assert.NotNull(results[i].Result);
            }
        }
    }

    [Fact]
    public async Task One_statement_many_argument_sets_writes_every_row()
    {
        var insert = await Session.PrepareAsync("INSERT INTO kv (k, v) VALUES (?, ?)");
        var results = await Session.ExecuteConcurrentAsync(insert, Enumerable.Range(1000, 2000).Select(i => new object?[] { i, $"v{i}" }), concurrency: 64);
        Assert.Equal(2000, results.Count);
        Assert.All(results, r => Assert.True(r.IsSuccess));

        var select = await Session.PrepareAsync("SELECT v FROM kv WHERE k = ?");
        var reads = await Session.ExecuteConcurrentAsync(Enumerable.Range(1000, 2000).Select(i => (CqlStatement)select.Bind(i)), concurrency: 64);
        for (var i = 0; i < reads.Count; i++)
        {
            await using var result = reads[i].GetResultOrThrow();
            Assert.Equal($"v{1000 + i}", Assert.Single(result.CurrentPage).Get<string>(0));
        }
    }

    [Fact]
    public async Task Stop_on_error_starts_no_statement_after_the_first_failure()
    {
        var started = 0;
        IEnumerable<CqlStatement> Statements()
        {
            for (var i = 0; i < 10_000; i++)
            {
                started++;
                yield return i == 100 ? new SimpleStatement("SELEKT nonsense") : new SimpleStatement("SELECT k FROM kv WHERE k = ?", i);
            }
        }

        var results = await Session.ExecuteConcurrentAsync(Statements(), concurrency: 8, new CqlConcurrentOptions { StopOnError = true });

        Assert.False(results[100].IsSuccess);
        Assert.IsType<CqlSyntaxErrorException>(results[100].Exception);
        // Statements taken while the failing one was in flight still run; nothing near the 10,000 of the input does.
        Assert.True(results.Count < 200, $"{results.Count} statements started after a failure at 100 with concurrency 8");
        Assert.Equal(results.Count, started);
    }

    [Fact]
    public async Task Input_is_read_no_faster_than_requests_complete()
    {
        const int concurrency = 4;
        var taken = 0;
        var maxAhead = 0;
        var completed = 0;
        IEnumerable<CqlStatement> Statements()
        {
            for (var i = 0; i < 400; i++)
            {
                taken++;
                maxAhead = Math.Max(maxAhead, taken - Volatile.Read(ref completed));
                yield return new SimpleStatement("SELECT k FROM kv WHERE k = ?", i);
            }
        }

        await foreach (var result in Session.ExecuteConcurrentStreamAsync(Statements(), concurrency))
        {
            Assert.True(result.IsSuccess);
            Interlocked.Increment(ref completed);
        }

        Assert.Equal(400, completed);
        // Taken but not yet consumed: in flight plus what waits in the channel (bounded by the concurrency too).
        Assert.True(maxAhead <= (2 * concurrency) + 1, $"the executor ran {maxAhead} statements ahead of the consumer");
    }

    [Fact]
    public async Task Streaming_yields_every_index_once_and_stops_when_the_consumer_stops()
    {
        var indexes = new HashSet<long>();
        await foreach (var result in Session.ExecuteConcurrentStreamAsync(AsyncStatements(500), 32))
        {
            Assert.True(result.IsSuccess);
            Assert.True(indexes.Add(result.Index));
        }

        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), indexes.Order());

        var seen = 0;
        await foreach (var _ in Session.ExecuteConcurrentStreamAsync(Enumerable.Range(0, 1_000_000).Select(i => (CqlStatement)new SimpleStatement("SELECT k FROM kv WHERE k = ?", i)), 16))
        {
            if (++seen == 50)
            {
                break;
            }
        }

        Assert.Equal(50, seen);
    }

    [Fact]
    public async Task A_failing_input_sequence_fails_the_run_with_its_exception()
    {
        IEnumerable<CqlStatement> Statements()
        {
            yield return new SimpleStatement("SELECT k FROM kv WHERE k = 1");
            throw new InvalidDataException("source broke");
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Session.ExecuteConcurrentAsync(Statements(), 4));
        Assert.Equal("source broke", error.Message);
    }

    [Fact]
    public async Task Concurrency_below_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Session.ExecuteConcurrentAsync(Array.Empty<CqlStatement>(), 0));
    }

    private static async IAsyncEnumerable<CqlStatement> AsyncStatements(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new SimpleStatement("SELECT k FROM kv WHERE k = ?", i);
        }
    }
}
