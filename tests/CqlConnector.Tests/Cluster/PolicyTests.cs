using System.Net;
using CqlConnector.Cluster;

namespace CqlConnector.Tests.Cluster;

public sealed class PolicyTests
{
    private sealed class View(IReadOnlyList<CqlHost> hosts, Func<byte[], IReadOnlyList<CqlHost>>? replicas = null) : ICqlClusterView
    {
        public IReadOnlyList<CqlHost> Hosts => hosts;

        public IReadOnlyList<CqlHost> GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey) => replicas?.Invoke(routingKey.ToArray()) ?? [];
    }

    private static CqlHost Host(int last, string dc = "dc1") => new(new IPEndPoint(IPAddress.Parse($"10.0.0.{last}"), 9042)) { Datacenter = dc };

    [Fact]
    public void Round_robin_rotates_over_up_hosts_and_skips_down_ones()
    {
        var hosts = new[] { Host(1), Host(2), Host(3) };
        var policy = new RoundRobinPolicy();
        policy.Initialize(new View(hosts));

        var firsts = Enumerable.Range(0, 3).Select(_ => policy.NewQueryPlan(null, null).First()).ToHashSet();
        Assert.Equal(3, firsts.Count);

        hosts[1].SetDown();
        var plan = policy.NewQueryPlan(null, null).ToList();
        Assert.Equal(2, plan.Count);
        Assert.DoesNotContain(hosts[1], plan);
    }

    [Fact]
    public void Dc_aware_tries_local_hosts_first_and_remote_ones_only_when_allowed()
    {
        var hosts = new[] { Host(1, "dc1"), Host(2, "dc2"), Host(3, "dc1"), Host(4, "dc2") };
        var strict = new DcAwareRoundRobinPolicy("dc1");
        strict.Initialize(new View(hosts));
        Assert.All(strict.NewQueryPlan(null, null), h => Assert.Equal("dc1", h.Datacenter));
        Assert.Equal(HostDistance.Ignored, strict.GetDistance(hosts[1]));

        var withRemote = new DcAwareRoundRobinPolicy("dc1", usedHostsPerRemoteDc: 1);
        withRemote.Initialize(new View(hosts));
        var plan = withRemote.NewQueryPlan(null, null).ToList();
        Assert.Equal(["dc1", "dc1", "dc2"], plan.Select(h => h.Datacenter));
        Assert.Equal(HostDistance.Remote, withRemote.GetDistance(hosts[1]));
    }

    [Fact]
    public void Dc_aware_defaults_to_the_first_hosts_data_center_and_rejects_an_unknown_one()
    {
        var hosts = new[] { Host(1, "east"), Host(2, "west") };
        var policy = new DcAwareRoundRobinPolicy();
        policy.Initialize(new View(hosts));
        Assert.Equal("east", policy.LocalDatacenter);

        var error = Assert.Throws<CqlException>(() => new DcAwareRoundRobinPolicy("north").Initialize(new View(hosts)));
        Assert.Contains("'north' has no nodes", error.Message);
        Assert.Contains("east, west", error.Message);
    }

    [Fact]
    public void Token_aware_puts_the_partitions_replicas_first_without_repeating_them()
    {
        var hosts = new[] { Host(1), Host(2), Host(3), Host(4) };
        var policy = new TokenAwarePolicy(new RoundRobinPolicy());
        policy.Initialize(new View(hosts, _ => [hosts[2], hosts[3]]));

        var plan = policy.NewQueryPlan("ks", [1, 2, 3]).ToList();

        Assert.Equal(4, plan.Count);
        Assert.Equal(new HashSet<CqlHost> { hosts[2], hosts[3] }, plan.Take(2).ToHashSet());
        Assert.Equal(4, plan.Distinct().Count());
    }

    [Fact]
    public void Token_aware_without_a_routing_key_is_its_child_policy()
    {
        var hosts = new[] { Host(1), Host(2) };
        var policy = new TokenAwarePolicy(new RoundRobinPolicy());
        policy.Initialize(new View(hosts, _ => throw new InvalidOperationException("must not be asked")));
        Assert.Equal(2, policy.NewQueryPlan("ks", null).Count());
    }

    [Fact]
    public void Default_retry_policy_never_resends_a_non_idempotent_statement_after_a_request_error()
    {
        var policy = DefaultRetryPolicy.Instance;
        var broken = new CqlConnectionException("broken", null);
        Assert.Equal(RetryDecision.Rethrow, policy.OnRequestError(broken, isIdempotent: false, retryCount: 0));
        Assert.Equal(RetryDecision.RetryNextHost, policy.OnRequestError(broken, isIdempotent: true, retryCount: 0));

        var unavailable = new CqlUnavailableException("x", ConsistencyLevel.Quorum, 2, 1);
        Assert.Equal(RetryDecision.RetryNextHost, policy.OnUnavailable(unavailable, false, 0));
        Assert.Equal(RetryDecision.Rethrow, policy.OnUnavailable(unavailable, false, 1));

        var digestOnly = new CqlReadTimeoutException("x", ConsistencyLevel.Quorum, received: 2, required: 2, dataPresent: false);
        Assert.Equal(RetryDecision.RetrySameHost, policy.OnReadTimeout(digestOnly, false, 0));
        var tooFew = new CqlReadTimeoutException("x", ConsistencyLevel.Quorum, received: 1, required: 2, dataPresent: false);
        Assert.Equal(RetryDecision.Rethrow, policy.OnReadTimeout(tooFew, true, 0));

        var batchLog = new CqlWriteTimeoutException("x", ConsistencyLevel.Quorum, 1, 2, "BATCH_LOG");
        Assert.Equal(RetryDecision.RetrySameHost, policy.OnWriteTimeout(batchLog, true, 0));
        var simple = new CqlWriteTimeoutException("x", ConsistencyLevel.Quorum, 1, 2, "SIMPLE");
        Assert.Equal(RetryDecision.Rethrow, policy.OnWriteTimeout(simple, true, 0));
    }

    [Fact]
    public void Reconnection_schedule_starts_sub_second_doubles_with_jitter_and_is_capped()
    {
        var delays = new ExponentialReconnectionPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)).NewSchedule().Take(10).ToList();

        Assert.InRange(delays[0].TotalMilliseconds, 85, 115);
        Assert.InRange(delays[1].TotalMilliseconds, 170, 230);
        Assert.InRange(delays[3].TotalMilliseconds, 680, 920);
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(2)));
        Assert.InRange(delays[^1].TotalMilliseconds, 1700, 2000);
    }

    [Fact]
    public void Speculative_policy_allows_the_configured_number_of_extra_executions()
    {
        var policy = new ConstantSpeculativeExecutionPolicy(TimeSpan.FromMilliseconds(50), maxSpeculativeExecutions: 2);
        Assert.Equal(TimeSpan.FromMilliseconds(50), policy.NextExecutionDelay(1));
        Assert.Equal(TimeSpan.FromMilliseconds(50), policy.NextExecutionDelay(2));
        Assert.Null(policy.NextExecutionDelay(3));
        Assert.Null(NoSpeculativeExecutionPolicy.Instance.NextExecutionDelay(1));
    }
}
