namespace CqlConnector.Cluster.Metadata;

/// <summary>The role a column plays in its table's primary key, as Cassandra's schema tables name it.</summary>
public enum ColumnKind
{
    /// <summary>A component of the partition key.</summary>
    PartitionKey,

    /// <summary>A clustering column: orders the rows within a partition.</summary>
    Clustering,

    /// <summary>An ordinary column of a row.</summary>
    Regular,

    /// <summary>A static column: one value shared by every row of a partition.</summary>
    Static,
}
