namespace CqlConnector;

/// <summary>Chooses the nodes a request is sent to, in order (the query plan), and which nodes to connect to at all.</summary>
public interface ILoadBalancingPolicy
{
    /// <summary>Called once, when the session has learned the cluster's topology.</summary>
    void Initialize(ICqlClusterView cluster);

    /// <summary>How the policy regards a node.</summary>
    HostDistance GetDistance(CqlHost host);

    /// <summary>
    /// The nodes to try for one request, best first. <paramref name="keyspace"/> and <paramref name="routingKey"/>
    /// (the serialized partition key) are null when unknown. Only up nodes need be returned.
    /// </summary>
    IEnumerable<CqlHost> NewQueryPlan(string? keyspace, byte[]? routingKey);
}
