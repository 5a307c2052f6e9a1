namespace CqlConnector;

/// <summary>
/// Sends a request first to the replicas of its partition (known from the statement's routing key: the
/// partition-key values bound to a prepared statement), local replicas first in a rotating order, then to the rest
/// of the child policy's plan. Without a routing key it is the child policy.
/// </summary>
public sealed class TokenAwarePolicy(ILoadBalancingPolicy child) : ILoadBalancingPolicy
{
    private ICqlClusterView? _cluster;
    private int _index;

    /// <summary>The policy that orders the non-replica nodes and decides distances.</summary>
    public ILoadBalancingPolicy Child { get; } = child;

    /// <inheritdoc />
    public void Initialize(ICqlClusterView cluster)
    {
        _cluster = cluster;
        Child.Initialize(cluster);
    }

    /// <inheritdoc />
    public HostDistance GetDistance(CqlHost host) => Child.GetDistance(host);

    /// <inheritdoc />
    public IEnumerable<CqlHost> NewQueryPlan(string? keyspace, byte[]? routingKey)
    {
        if (keyspace is null || routingKey is null || _cluster is null)
        {
            foreach (var host in Child.NewQueryPlan(keyspace, routingKey))
            {
                yield return host;
            }

            yield break;
        }

        var replicas = _cluster.GetReplicas(keyspace, routingKey);
        var start = replicas.Count == 0 ? 0 : (int)((uint)Interlocked.Increment(ref _index) % (uint)replicas.Count);
        for (var i = 0; i < replicas.Count; i++)
        {
            var replica = replicas[(start + i) % replicas.Count];
            if (replica.IsUp && Child.GetDistance(replica) == HostDistance.Local)
            {
                yield return replica;
            }
        }

        foreach (var host in Child.NewQueryPlan(keyspace, routingKey))
        {
            if (!IsLocalUpReplica(replicas, host))
            {
                yield return host;
            }
        }
    }

    private bool IsLocalUpReplica(IReadOnlyList<CqlHost> replicas, CqlHost host)
    {
        if (!host.IsUp || Child.GetDistance(host) != HostDistance.Local)
        {
            return false;
        }

        foreach (var replica in replicas)
        {
            if (ReferenceEquals(replica, host))
            {
                return true;
            }
        }

        return false;
    }
}
