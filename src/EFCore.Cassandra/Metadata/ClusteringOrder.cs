namespace EntityFrameworkCore.Cassandra.Metadata;

/// <summary>The order in which a clustering column sorts the rows of a partition.</summary>
public enum ClusteringOrder
{
    /// <summary>Ascending (CQL's default).</summary>
    Ascending,

    /// <summary>Descending: the rows of a partition come back newest/largest first without ORDER BY.</summary>
    Descending,
}
