using System.Diagnostics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

/// <summary>
/// Two in-process fake nodes that know each other (system.peers_v2) stand in for a cluster where one node is slow
/// or killed on demand, which the single real node cannot do.
/// </summary>
public sealed class FailoverTests
{
    private static (FakeCqlServer A, FakeCqlServer B) TwoNodes()
    {
        var a = new FakeCqlServer();
        var b = new FakeCqlServer();
        a.Peers.Add(b);
        b.Peers.Add(a);
        return (a, b);
    }

    [Fact]
    public async Task Session_discovers_the_peer_and_opens_a_pool_to_each_node()
    {
        var (a, b) = TwoNodes();
        await using (a)
        await using (b)
        {
            await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin");
            await using var connection = await dataSource.OpenConnectionAsync();

            Assert.Equal(2, dataSource.Session.Hosts.Count);
            Assert.All(dataSource.Session.GetPoolStates(), s => Assert.Equal(1, s.OpenConnections));

            for (var i = 0; i < 10; i++)
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection);
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal(5, a.QueriesReceived);
            Assert.Equal(5, b.QueriesReceived);
        }
    }

    [Fact]
    public async Task A_slow_node_is_overtaken_by_a_speculative_execution_of_an_idempotent_statement()
    {
        var (a, b) = TwoNodes();
        a.OnQuery = _ => null;
        await using (a)
        await using (b)
        {
            await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin;Speculative Execution Delay=100;Command Timeout=5");
            await using var connection = await dataSource.OpenConnectionAsync();

            for (var i = 0; i < 4; i++)
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection) { IsIdempotent = true };
                var watch = Stopwatch.StartNew();
                await command.ExecuteNonQueryAsync();
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"Took {watch.ElapsedMilliseconds} ms, close to the 5 s timeout the silent node would give.");
            }
        }
    }

    [Fact]
    public async Task A_non_idempotent_statement_is_never_sent_speculatively()
    {
        var (a, b) = TwoNodes();
        a.OnQuery = _ => null;
        await using (a)
        await using (b)
        {
            await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin;Speculative Execution Delay=100;Command Timeout=1");
            await using var connection = await dataSource.OpenConnectionAsync();

            var outcomes = new List<bool>();
            for (var i = 0; i < 2; i++)
            {
                await using var command = new CqlCommand("INSERT INTO ks.t (k) VALUES (1)", connection);
                try
                {
                    await command.ExecuteNonQueryAsync();
                    outcomes.Add(true);
                }
                catch (CqlTimeoutException)
                {
                    outcomes.Add(false);
                }
            }

            // Round-robin alternates the first node: the plan that starts at the silent node times out, the other succeeds.
            Assert.Equal(1, outcomes.Count(ok => ok));
            Assert.Equal(1, b.QueriesReceived);
        }
    }

    [Fact]
    public async Task A_killed_node_is_marked_down_and_served_again_within_a_second_of_coming_back()
    {
        var (a, b) = TwoNodes();
        await using (a)
        {
            await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin;Reconnect Base Delay=100;Reconnect Max Delay=1000");
            await using var connection = await dataSource.OpenConnectionAsync();
            var port = b.Port;
            var hostB = dataSource.Session.Hosts.Single(h => h.EndPoint.Port == port);

            await b.DisposeAsync();
            await WaitUntilAsync(() => !hostB.IsUp, TimeSpan.FromSeconds(5));

            // Every request still succeeds: the dead node has no open connection, so it is skipped without sending.
            for (var i = 0; i < 6; i++)
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection);
                await command.ExecuteNonQueryAsync();
            }

            await using var restarted = new FakeCqlServer(port);
            restarted.Peers.Add(a);
            var watch = Stopwatch.StartNew();
            await WaitUntilAsync(() => hostB.IsUp, TimeSpan.FromSeconds(5));
            // One reconnection delay (at most 1 s) plus the handshake; the slack is for a loaded CI machine.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Reconnection took {watch.ElapsedMilliseconds} ms.");

            for (var i = 0; i < 4; i++)
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection);
                await command.ExecuteNonQueryAsync();
            }

            Assert.True(restarted.QueriesReceived > 0);
        }
    }

    [Fact]
    public async Task An_idempotent_statement_that_times_out_on_one_node_is_retried_on_the_next_and_the_info_says_so()
    {
        var (a, b) = TwoNodes();
        a.OnQuery = _ => null;
        await using (a)
        await using (b)
        {
            await using var dataSource = CqlDataSource.Create(a.ConnectionString + ";Load Balancing=round-robin;Command Timeout=1");
            await dataSource.Session.ExecuteAsync(new SimpleStatement("SELECT * FROM ks.warmup") { IsIdempotent = true });

            var infos = new List<CqlExecutionInfo>();
            for (var i = 0; i < 2; i++)
            {
                await using var result = await dataSource.Session.ExecuteAsync(new SimpleStatement("SELECT * FROM ks.t") { IsIdempotent = true });
                infos.Add(result.Info);
            }

            // One of the two plans starts at the silent node: that request times out there and is answered by the other.
            var retried = Assert.Single(infos, info => info.TriedHosts.Count == 2);
            Assert.Equal(a.Port, ((System.Net.IPEndPoint)retried.TriedHosts[0]).Port);
            Assert.Equal(b.Port, ((System.Net.IPEndPoint)retried.Coordinator!).Port);
        }
    }

    private sealed class AlwaysNextHost : ICqlRetryPolicy
    {
        public int Calls;

        public RetryDecision OnReadTimeout(CqlReadTimeoutException error, bool isIdempotent, int retryCount) => Next();

        public RetryDecision OnWriteTimeout(CqlWriteTimeoutException error, bool isIdempotent, int retryCount) => Next();

        public RetryDecision OnUnavailable(CqlUnavailableException error, bool isIdempotent, int retryCount) => Next();

        public RetryDecision OnRequestError(CqlException error, bool isIdempotent, int retryCount) => Next();

        private RetryDecision Next()
        {
            Interlocked.Increment(ref Calls);
            return RetryDecision.RetryNextHost;
        }
    }

    [Fact]
    public async Task Policies_given_to_the_builder_replace_the_defaults()
    {
        var (a, b) = TwoNodes();
        a.OnQuery = _ => null;
        await using (a)
        await using (b)
        {
            var retry = new AlwaysNextHost();
            var builder = new CqlDataSourceBuilder(a.ConnectionString + ";Command Timeout=1")
                .UseLoadBalancingPolicy(new RoundRobinPolicy())
                .UseRetryPolicy(retry);
            await using var dataSource = builder.Build();
            await using var connection = await dataSource.OpenConnectionAsync();

            // Not idempotent, yet this policy re-sends it to the next node: both requests succeed.
            for (var i = 0; i < 2; i++)
            {
                await using var command = new CqlCommand("INSERT INTO ks.t (k) VALUES (1)", connection);
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal(1, retry.Calls);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < timeout, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
