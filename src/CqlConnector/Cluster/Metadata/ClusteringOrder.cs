namespace CqlConnector.Cluster.Metadata;

/// <summary>The order in which a clustering column sorts the rows of a partition.</summary>
public enum ClusteringOrder
{
    /// <summary>Not a clustering column.</summary>
    None,

    /// <summary>Ascending (the default of <c>CLUSTERING ORDER BY</c>).</summary>
    Ascending,

    /// <summary>Descending.</summary>
    Descending,
}
