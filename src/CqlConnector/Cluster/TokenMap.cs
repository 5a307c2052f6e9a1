namespace CqlConnector.Cluster;

/// <summary>
/// The Murmur3 token ring: which node owns which range, and the replicas of each keyspace's partitions computed
/// from its replication strategy. Immutable; rebuilt when the topology or a keyspace changes.
/// </summary>
internal sealed class TokenMap
{
    private readonly long[] _ring;
    private readonly CqlHost[] _owners;
    private readonly IReadOnlyDictionary<string, ReplicationStrategy> _strategies;
    private readonly Dictionary<string, CqlHost[][]> _replicasByKeyspace = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    private TokenMap(long[] ring, CqlHost[] owners, IReadOnlyDictionary<string, ReplicationStrategy> strategies)
    {
        _ring = ring;
        _owners = owners;
        _strategies = strategies;
    }

    /// <summary>Builds the ring from the hosts' Murmur3 tokens; null when any token is not a Murmur3 token.</summary>
    public static TokenMap? Build(IReadOnlyList<CqlHost> hosts, IReadOnlyDictionary<string, ReplicationStrategy> strategies)
    {
        var entries = new List<(long Token, CqlHost Host)>();
        foreach (var host in hosts)
        {
            foreach (var token in host.Tokens)
            {
                if (!long.TryParse(token, out var value))
                {
                    return null;
                }

                entries.Add((value, host));
            }
        }

        if (entries.Count == 0)
        {
            return null;
        }

        entries.Sort((a, b) => a.Token.CompareTo(b.Token));
        return new TokenMap(entries.Select(e => e.Token).ToArray(), entries.Select(e => e.Host).ToArray(), strategies);
    }

    /// <summary>The replicas of <paramref name="token"/> in <paramref name="keyspace"/>, primary first.</summary>
    public IReadOnlyList<CqlHost> GetReplicas(string keyspace, long token)
    {
        // The owner of a token is the first node whose token is >= it, wrapping around the ring.
        var index = Array.BinarySearch(_ring, token);
        if (index < 0)
        {
            index = ~index;
        }

        if (index >= _ring.Length)
        {
            index = 0;
        }

        if (!_strategies.TryGetValue(keyspace, out var strategy))
        {
            return [_owners[index]];
        }

        CqlHost[][] replicas;
        lock (_lock)
        {
            if (!_replicasByKeyspace.TryGetValue(keyspace, out replicas!))
            {
                replicas = ComputeReplicas(strategy);
                _replicasByKeyspace[keyspace] = replicas;
            }
        }

        return replicas[index];
    }

    private CqlHost[][] ComputeReplicas(ReplicationStrategy strategy)
    {
        var distinctHosts = _owners.Distinct().Count();
        var result = new CqlHost[_ring.Length][];
        for (var start = 0; start < _ring.Length; start++)
        {
            var chosen = new List<CqlHost>();
            if (strategy.FactorsByDatacenter is { } factors)
            {
                var perDc = new Dictionary<string, int>(StringComparer.Ordinal);
                var wanted = factors.Sum(f => Math.Min(f.Value, _owners.Distinct().Count(h => h.Datacenter == f.Key)));
                for (var i = 0; i < _ring.Length && chosen.Count < wanted; i++)
                {
                    var host = _owners[(start + i) % _ring.Length];
                    var dc = host.Datacenter ?? string.Empty;
                    if (!chosen.Contains(host) && factors.TryGetValue(dc, out var factor) && perDc.GetValueOrDefault(dc) < factor)
                    {
                        chosen.Add(host);
                        perDc[dc] = perDc.GetValueOrDefault(dc) + 1;
                    }
                }
            }
            else
            {
                var factor = Math.Min(strategy.SimpleFactor, distinctHosts);
                for (var i = 0; i < _ring.Length && chosen.Count < factor; i++)
                {
                    var host = _owners[(start + i) % _ring.Length];
                    if (!chosen.Contains(host))
                    {
                        chosen.Add(host);
                    }
                }
            }

            result[start] = [.. chosen];
        }

        return result;
    }
}
