using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the Cassandra configuration of a property (clustering order, static, counter).</summary>
public static class CassandraPropertyExtensions
{
    /// <summary>The clustering order of a clustering column (ascending unless configured).</summary>
    public static ClusteringOrder GetClusteringOrder(this IReadOnlyProperty property)
        => property[CassandraAnnotationNames.ClusteringOrder] as ClusteringOrder? ?? ClusteringOrder.Ascending;

    /// <summary>Whether the property is a static column.</summary>
    public static bool IsStaticColumn(this IReadOnlyProperty property)
        => property[CassandraAnnotationNames.Static] as bool? ?? false;

    /// <summary>Whether SaveChanges updates this collection column by its changes (see <c>UseIncrementalCollectionUpdates</c>).</summary>
    public static bool UsesIncrementalCollectionUpdates(this IReadOnlyProperty property)
        => property[CassandraAnnotationNames.IncrementalCollectionUpdates] as bool? ?? false;

    /// <summary>Whether the property is a CQL counter (its column type is <c>counter</c>).</summary>
    public static bool IsCounter(this IReadOnlyProperty property)
        => string.Equals(property.GetColumnType(), "counter", StringComparison.OrdinalIgnoreCase);
}
