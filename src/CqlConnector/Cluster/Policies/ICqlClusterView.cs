namespace CqlConnector;

/// <summary>What a load-balancing policy may see of the cluster: its nodes and which of them hold a partition.</summary>
public interface ICqlClusterView
{
    /// <summary>Every known node, up or down.</summary>
    IReadOnlyList<CqlHost> Hosts { get; }

    /// <summary>
    /// The replicas of the partition whose serialized partition key is <paramref name="routingKey"/> in
    /// <paramref name="keyspace"/> (the primary replica first), or an empty list when unknown.
    /// </summary>
    IReadOnlyList<CqlHost> GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey);
}
