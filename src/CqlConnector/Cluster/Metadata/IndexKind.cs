namespace CqlConnector.Cluster.Metadata;

/// <summary>How a secondary index is implemented, as Cassandra names it.</summary>
public enum IndexKind
{
    /// <summary>A built-in index on a table with clustering columns or collections (<c>COMPOSITES</c>).</summary>
    Composites,

    /// <summary>A built-in index on a compact table without clustering columns (<c>KEYS</c>).</summary>
    Keys,

    /// <summary>A custom index implemented by a Java class (<c>CUSTOM</c>), e.g. SASI or SAI.</summary>
    Custom,
}
