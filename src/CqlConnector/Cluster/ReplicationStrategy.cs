namespace CqlConnector.Cluster;

/// <summary>
/// A keyspace's replication: SimpleStrategy with one replication factor, or NetworkTopologyStrategy with one per
/// data center. Other strategies (LocalStrategy, EverywhereStrategy, custom) are treated as unknown: requests are
/// then not routed by token.
/// </summary>
internal sealed record ReplicationStrategy(int SimpleFactor, IReadOnlyDictionary<string, int>? FactorsByDatacenter)
{
    /// <summary>
    /// Reads the strategy from its class and options (system_schema.keyspaces.replication on 3.0+, or
    /// system.schema_keyspaces strategy_class and strategy_options on 2.x).
    /// </summary>
    public static ReplicationStrategy? Parse(string? strategyClass, IReadOnlyDictionary<string, string> options)
    {
        if (strategyClass is null)
        {
            return null;
        }

        if (strategyClass.EndsWith("SimpleStrategy", StringComparison.Ordinal))
        {
            return options.TryGetValue("replication_factor", out var text) && int.TryParse(text, out var factor)
                ? new ReplicationStrategy(factor, null)
                : null;
        }

        if (strategyClass.EndsWith("NetworkTopologyStrategy", StringComparison.Ordinal))
        {
            var factors = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, value) in options)
            {
                if (key != "class" && int.TryParse(value, out var factor))
                {
                    factors[key] = factor;
                }
            }

            return new ReplicationStrategy(0, factors);
        }

        return null;
    }
}
