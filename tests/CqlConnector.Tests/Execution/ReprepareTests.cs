using CqlConnector.Connections;
using CqlConnector.Protocol.Responses;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

/// <summary>
/// A node that forgot its prepared statements (it restarted) answers UNPREPARED to every request in flight on them.
/// The fake nodes forget on demand and hold a PREPARE's answer until released, so the tests decide which caller
/// re-prepares and which ones join it, without relying on timing.
/// </summary>
public sealed class ReprepareTests
{
    private const string Insert = "INSERT INTO ks.t (k) VALUES (?)";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Concurrent_executes_that_hit_unprepared_share_one_reprepare_per_node()
    {
        await using var a = new FakeCqlServer();
        await using var b = new FakeCqlServer();
        a.Peers.Add(b);
        b.Peers.Add(a);
        await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin");
        var session = dataSource.Session;
        var prepared = await session.PrepareAsync(Insert);
        await Until(() => prepared.Metadata.PreparedOnAllHosts);
        var (preparesOnA, preparesOnB) = (a.PreparesReceived(Insert), b.PreparesReceived(Insert));

        // Every EXECUTE reaches a node that forgot the statement: the re-PREPARE is answered only once all 64 have
        // been answered UNPREPARED.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.OnPrepare = b.OnPrepare = async _ =>
        {
            await release.Task;
            return null;
        };
        a.ForgetPreparedStatements();
        b.ForgetPreparedStatements();
        var executions = Enumerable.Range(0, 64).Select(i => session.ExecuteAsync(prepared.Bind(i))).ToArray();
        await Until(() => a.UnpreparedAnswers + b.UnpreparedAnswers == 64);
        release.SetResult();

        foreach (var result in await Task.WhenAll(executions).WaitAsync(Bound))
        {
            await result.DisposeAsync();
        }

        Assert.Equal(1, a.PreparesReceived(Insert) - preparesOnA);
        Assert.Equal(1, b.PreparesReceived(Insert) - preparesOnB);
        Assert.Equal(64, a.UnpreparedAnswers + b.UnpreparedAnswers);
    }

    [Fact]
    public async Task Concurrent_batches_that_hit_unprepared_share_one_reprepare()
    {
        await using var node = new FakeCqlServer();
        await using var dataSource = CqlDataSource.Create(node.ConnectionString);
        var session = dataSource.Session;
        var prepared = await session.PrepareAsync(Insert);
        node.ForgetPreparedStatements();
        var gate = Gate(node);

        var batches = Enumerable.Range(0, 16)
            .Select(i => session.ExecuteAsync(new BatchStatement(BatchType.Unlogged).Add(prepared.Bind(i)).Add(prepared.Bind(-i))))
            .ToArray();
        await Until(() => node.UnpreparedAnswers == 16);
        gate.Release.SetResult(null);

        foreach (var result in await Task.WhenAll(batches).WaitAsync(Bound))
        {
            await result.DisposeAsync();
        }

        Assert.Equal(1, node.PreparesReceived(Insert) - gate.PreparesBefore);
    }

    [Fact]
    public async Task A_synchronous_batch_reprepares_on_every_node_with_synchronous_io()
    {
        await using var a = new FakeCqlServer();
        await using var b = new FakeCqlServer();
        a.Peers.Add(b);
        b.Peers.Add(a);
        await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin");
        using var connection = dataSource.CreateConnection();
        connection.Open();
        var cached = await dataSource.Session.PrepareAsync(Insert, IOBehavior.Asynchronous, default);
        await Until(() => cached.PreparedOnAllHosts);
        var (preparesOnA, preparesOnB) = (a.PreparesReceived(Insert), b.PreparesReceived(Insert));
        a.ForgetPreparedStatements();
        b.ForgetPreparedStatements();

        using var batch = new CqlBatch(connection) { BatchType = BatchType.Unlogged };
        batch.BatchCommands.Add(Insert).Parameters.AddWithValue("c0", 1);
        batch.ExecuteNonQuery();

        // Prepared again on the coordinator and, before returning, on the other node.
        Assert.Equal(1, a.UnpreparedAnswers + b.UnpreparedAnswers);
        Assert.Equal(1, a.PreparesReceived(Insert) - preparesOnA);
        Assert.Equal(1, b.PreparesReceived(Insert) - preparesOnB);
    }

    [Fact]
    public async Task Callers_that_fail_with_the_same_statement_join_the_running_reprepare()
    {
        await using var forgetful = await ForgetfulNode.StartAsync();

        var owner = forgetful.Reprepare();
        await forgetful.Gate.Arrived.Task.WaitAsync(Bound);
        var joiners = Enumerable.Range(0, 15).Select(_ => forgetful.Reprepare()).ToArray();
        Assert.False(owner.IsCompleted);
        forgetful.Gate.Release.SetResult(null);

        var first = await owner.WaitAsync(Bound);
        Assert.NotSame(forgetful.Stale, first);
        Assert.All(await Task.WhenAll(joiners).WaitAsync(Bound), joined => Assert.Same(first, joined));
        Assert.Equal(1, forgetful.PreparesSinceForgotten);

        // Done, the re-prepare still serves a caller that failed with the old statement; one failing with the new prepares again.
        Assert.Same(first, await forgetful.Reprepare());
        Assert.NotSame(first, await forgetful.Session.PrepareAsync(Insert, IOBehavior.Asynchronous, default, replacing: first));
        Assert.Equal(2, forgetful.PreparesSinceForgotten);
    }

    [Fact]
    public async Task Cancelling_the_first_caller_does_not_fail_the_callers_that_joined_its_reprepare()
    {
        await using var forgetful = await ForgetfulNode.StartAsync();

        using var ownerGivesUp = new CancellationTokenSource();
        var owner = forgetful.Reprepare(ownerGivesUp.Token);
        await forgetful.Gate.Arrived.Task.WaitAsync(Bound);
        using var joinerGivesUp = new CancellationTokenSource();
        var impatient = forgetful.Reprepare(joinerGivesUp.Token);
        var joiners = Enumerable.Range(0, 8).Select(_ => forgetful.Reprepare()).ToArray();

        ownerGivesUp.Cancel();
        joinerGivesUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.WaitAsync(Bound));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.WaitAsync(Bound));
        Assert.All(joiners, joiner => Assert.False(joiner.IsCompleted));
        forgetful.Gate.Release.SetResult(null);

        var results = await Task.WhenAll(joiners).WaitAsync(Bound);
        Assert.All(results, result => Assert.Same(results[0], result));
        Assert.NotSame(forgetful.Stale, results[0]);
        Assert.Equal(1, forgetful.PreparesSinceForgotten);
    }

    [Fact]
    public async Task A_failed_reprepare_fails_every_waiter_with_its_error_and_the_next_call_prepares_again()
    {
        await using var forgetful = await ForgetfulNode.StartAsync();

        var waiters = new List<Task<PreparedMetadata>> { forgetful.Reprepare() };
        await forgetful.Gate.Arrived.Task.WaitAsync(Bound);
        waiters.AddRange(Enumerable.Range(0, 7).Select(_ => forgetful.Reprepare()));
        forgetful.Gate.Release.SetResult("table ks.t is being rebuilt");

        foreach (var waiter in waiters)
        {
            var error = await Assert.ThrowsAsync<CqlInvalidQueryException>(() => waiter.WaitAsync(Bound));
            Assert.Contains("table ks.t is being rebuilt", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, forgetful.PreparesSinceForgotten);

        // The failure is not cached: the next caller prepares again, and succeeds.
        var retried = await forgetful.Reprepare().WaitAsync(Bound);
        Assert.NotSame(forgetful.Stale, retried);
        Assert.Equal(2, forgetful.PreparesSinceForgotten);
    }

    [Fact]
    public async Task A_synchronous_caller_prepares_by_itself_instead_of_waiting_for_a_running_reprepare()
    {
        await using var forgetful = await ForgetfulNode.StartAsync();

        var owner = forgetful.Reprepare();
        await forgetful.Gate.Arrived.Task.WaitAsync(Bound);

        // Runs on this thread with synchronous I/O: it must complete while the shared re-prepare is still held.
        var own = forgetful.Session.PrepareAsync(Insert, IOBehavior.Synchronous, default, replacing: forgetful.Stale);
        Assert.True(own.IsCompletedSuccessfully);
        Assert.False(owner.IsCompleted);
        Assert.Equal(2, forgetful.PreparesSinceForgotten);

        var ownResult = await own;
        forgetful.Gate.Release.SetResult(null);
        Assert.NotSame(ownResult, await owner.WaitAsync(Bound));
    }

    /// <summary>Opens the session, prepares <see cref="Insert"/> and makes the node forget it.</summary>
    private static async Task<(CqlSession Session, PreparedMetadata Stale)> PrepareAsync(CqlDataSource dataSource, FakeCqlServer node)
    {
        var session = dataSource.Session;
        var stale = await session.PrepareAsync(Insert, IOBehavior.Asynchronous, default);
        node.ForgetPreparedStatements();
        return (session, stale);
    }

    /// <summary>Holds the node's next PREPARE until released (with null to answer it, or an error message); later ones are answered at once.</summary>
    private static PrepareGate Gate(FakeCqlServer node)
    {
        var gate = new PrepareGate(node.PreparesReceived(Insert));
        var held = 0;
        node.OnPrepare = async _ =>
        {
            if (Interlocked.Exchange(ref held, 1) != 0)
            {
                return null;
            }

            gate.Arrived.SetResult();
            return await gate.Release.Task;
        };
        return gate;
    }

    /// <summary>
    /// A node that forgot <see cref="Insert"/> after the session prepared it, and holds the next PREPARE it receives
    /// until <see cref="PrepareGate.Release"/> (with null to answer it, or an error message).
    /// </summary>
    private sealed class ForgetfulNode : IAsyncDisposable
    {
        private ForgetfulNode(FakeCqlServer node, CqlDataSource dataSource)
        {
            Node = node;
            DataSource = dataSource;
        }

        public FakeCqlServer Node { get; }

        public CqlDataSource DataSource { get; }

        public CqlSession Session => DataSource.Session;

        /// <summary>The statement the node forgot (what a caller that met UNPREPARED was sent with).</summary>
        public PreparedMetadata Stale { get; private set; } = null!;

        public PrepareGate Gate { get; private set; } = null!;

        /// <summary>PREPAREs of <see cref="Insert"/> the node received since it forgot it.</summary>
        public int PreparesSinceForgotten => Node.PreparesReceived(Insert) - Gate.PreparesBefore;

        public static async Task<ForgetfulNode> StartAsync()
        {
            var node = new FakeCqlServer();
            var forgetful = new ForgetfulNode(node, CqlDataSource.Create(node.ConnectionString));
            (_, forgetful.Stale) = await PrepareAsync(forgetful.DataSource, node);
            forgetful.Gate = ReprepareTests.Gate(node);
            return forgetful;
        }

        /// <summary>What a caller that met UNPREPARED with <see cref="Stale"/> does.</summary>
        public Task<PreparedMetadata> Reprepare(CancellationToken cancellationToken = default)
            => Session.PrepareAsync(Insert, IOBehavior.Asynchronous, cancellationToken, replacing: Stale).AsTask();

        public async ValueTask DisposeAsync()
        {
            await DataSource.DisposeAsync();
            await Node.DisposeAsync();
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(10);
        }
    }

    private sealed record PrepareGate(int PreparesBefore)
    {
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string?> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
