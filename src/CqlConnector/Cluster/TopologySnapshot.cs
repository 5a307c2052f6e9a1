namespace CqlConnector.Cluster;

/// <summary>What the control connection read of the cluster: its nodes, its partitioner and the keyspaces' replication.</summary>
internal sealed record TopologySnapshot(
    IReadOnlyList<HostInfo> Hosts,
    string? Partitioner,
    IReadOnlyDictionary<string, ReplicationStrategy> Replication);
