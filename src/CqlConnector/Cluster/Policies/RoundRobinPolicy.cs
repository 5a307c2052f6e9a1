namespace CqlConnector;

/// <summary>Spreads requests evenly over every up node, ignoring data centers.</summary>
public sealed class RoundRobinPolicy : ILoadBalancingPolicy
{
    private ICqlClusterView? _cluster;
    private int _index;

    /// <inheritdoc />
    public void Initialize(ICqlClusterView cluster) => _cluster = cluster;

    /// <inheritdoc />
    public HostDistance GetDistance(CqlHost host) => HostDistance.Local;

    /// <inheritdoc />
    public IEnumerable<CqlHost> NewQueryPlan(string? keyspace, byte[]? routingKey)
    {
        var hosts = _cluster?.Hosts ?? [];
        if (hosts.Count == 0)
        {
            yield break;
        }

        var start = (int)((uint)Interlocked.Increment(ref _index) % (uint)hosts.Count);
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[(start + i) % hosts.Count];
            if (host.IsUp)
            {
                yield return host;
            }
        }
    }
}
