namespace CqlConnector;

/// <summary>
/// Round-robin over the nodes of the local data center; nodes of other data centers are only tried after them,
/// and only when <c>usedHostsPerRemoteDc</c> allows it. When no local data center is named, the data center of the
/// first contact point the session connected to is used.
/// </summary>
public sealed class DcAwareRoundRobinPolicy(string? localDatacenter = null, int usedHostsPerRemoteDc = 0) : ILoadBalancingPolicy
{
    private ICqlClusterView? _cluster;
    private int _index;

    /// <summary>The local data center (known once initialized).</summary>
    public string? LocalDatacenter { get; private set; } = localDatacenter;

    /// <inheritdoc />
    public void Initialize(ICqlClusterView cluster)
    {
        _cluster = cluster;
        LocalDatacenter ??= cluster.Hosts.FirstOrDefault()?.Datacenter;
        if (LocalDatacenter is { } dc && cluster.Hosts.Count > 0 && cluster.Hosts.All(h => h.Datacenter != dc))
        {
            throw new CqlException(
                $"The local data center '{dc}' has no nodes; the cluster's data centers are {string.Join(", ", cluster.Hosts.Select(h => h.Datacenter).Distinct())}. Fix 'Local Datacenter'.");
        }
    }

    /// <inheritdoc />
    public HostDistance GetDistance(CqlHost host)
    {
        if (LocalDatacenter is null || host.Datacenter is null || host.Datacenter == LocalDatacenter)
        {
            return HostDistance.Local;
        }

        return usedHostsPerRemoteDc > 0 ? HostDistance.Remote : HostDistance.Ignored;
    }

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
            if (host.IsUp && GetDistance(host) == HostDistance.Local)
            {
                yield return host;
            }
        }

        if (usedHostsPerRemoteDc <= 0)
        {
            yield break;
        }

        var perDc = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[(start + i) % hosts.Count];
            if (host.IsUp && GetDistance(host) == HostDistance.Remote)
            {
                var used = perDc.GetValueOrDefault(host.Datacenter!);
                if (used < usedHostsPerRemoteDc)
                {
                    perDc[host.Datacenter!] = used + 1;
                    yield return host;
                }
            }
        }
    }
}
