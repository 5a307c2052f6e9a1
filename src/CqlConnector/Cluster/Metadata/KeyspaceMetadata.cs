namespace CqlConnector.Cluster.Metadata;

/// <summary>A keyspace: its replication, tables and user-defined types.</summary>
public sealed class KeyspaceMetadata
{
    private readonly Dictionary<string, TableMetadata> _tables;
    private readonly Dictionary<string, UserTypeMetadata> _userTypes;

    /// <summary>Creates the description of a keyspace.</summary>
    public KeyspaceMetadata(
        string name,
        bool durableWrites,
        string replicationStrategy,
        IReadOnlyDictionary<string, string> replicationOptions,
        IReadOnlyList<TableMetadata> tables,
        IReadOnlyList<UserTypeMetadata> userTypes)
    {
        Name = name;
        DurableWrites = durableWrites;
        ReplicationStrategy = replicationStrategy;
        ReplicationOptions = replicationOptions;
        Tables = tables;
        UserTypes = userTypes;
        _tables = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _userTypes = userTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The keyspace's name.</summary>
    public string Name { get; }

    /// <summary>Whether writes go through the commit log.</summary>
    public bool DurableWrites { get; }

    /// <summary>The replication strategy's Java class, e.g. <c>org.apache.cassandra.locator.SimpleStrategy</c>.</summary>
    public string ReplicationStrategy { get; }

    /// <summary>
    /// The replication options without the class: <c>replication_factor</c> for SimpleStrategy, one entry per data
    /// center for NetworkTopologyStrategy.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReplicationOptions { get; }

    /// <summary>The tables, by name.</summary>
    public IReadOnlyList<TableMetadata> Tables { get; }

    /// <summary>The user-defined types, in an order where each type comes after the types it uses.</summary>
    public IReadOnlyList<UserTypeMetadata> UserTypes { get; }

    /// <summary>The table named <paramref name="name"/> (case-sensitive, unquoted), or null.</summary>
    public TableMetadata? GetTable(string name) => _tables.GetValueOrDefault(name);

    /// <summary>The user-defined type named <paramref name="name"/> (case-sensitive, unquoted), or null.</summary>
    public UserTypeMetadata? GetUserType(string name) => _userTypes.GetValueOrDefault(name);
}
