using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Column-level Cassandra configuration: clustering order, static columns, counters.</summary>
public static class CassandraPropertyBuilderExtensions
{
    /// <summary>Sets the clustering order of a clustering column (a key property outside the partition key).</summary>
    /// <param name="propertyBuilder">The property builder.</param>
    /// <param name="order">Ascending or descending.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder HasClusteringOrder(this PropertyBuilder propertyBuilder, ClusteringOrder order)
    {
        propertyBuilder.HasAnnotation(CassandraAnnotationNames.ClusteringOrder, order);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasClusteringOrder(PropertyBuilder, ClusteringOrder)"/>
    public static PropertyBuilder<TProperty> HasClusteringOrder<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, ClusteringOrder order)
        => (PropertyBuilder<TProperty>)HasClusteringOrder((PropertyBuilder)propertyBuilder, order);

    /// <summary>Makes the property a static column: one value per partition, shared by its rows.</summary>
    /// <param name="propertyBuilder">The property builder.</param>
    /// <param name="isStatic">Whether the column is static.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder IsStaticColumn(this PropertyBuilder propertyBuilder, bool isStatic = true)
    {
        propertyBuilder.HasAnnotation(CassandraAnnotationNames.Static, isStatic);
        return propertyBuilder;
    }

    /// <inheritdoc cref="IsStaticColumn(PropertyBuilder, bool)"/>
    public static PropertyBuilder<TProperty> IsStaticColumn<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, bool isStatic = true)
        => (PropertyBuilder<TProperty>)IsStaticColumn((PropertyBuilder)propertyBuilder, isStatic);

    /// <summary>
    /// Maps a <see cref="long"/> property to a CQL <c>counter</c>. SaveChanges sends <c>SET c = c + delta</c> (the
    /// difference from the value read); an added entity increments from zero. A counter table holds only key and
    /// counter columns.
    /// </summary>
    /// <param name="propertyBuilder">The property builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder<long> IsCounter(this PropertyBuilder<long> propertyBuilder)
    {
        propertyBuilder.HasColumnType("counter");
        return propertyBuilder;
    }
}
