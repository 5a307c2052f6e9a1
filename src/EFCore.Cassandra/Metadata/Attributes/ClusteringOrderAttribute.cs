namespace EntityFrameworkCore.Cassandra.Metadata.Attributes;

/// <summary>The order of a clustering column (a key property outside the partition key).</summary>
/// <param name="order">Ascending or descending.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ClusteringOrderAttribute(ClusteringOrder order) : Attribute
{
    /// <summary>The order.</summary>
    public ClusteringOrder Order { get; } = order;
}
