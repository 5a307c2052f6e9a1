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

    /// <summary>
    /// Makes the key property part of the partition key, at <paramref name="order"/> (the fluent form of
    /// <c>[PartitionKey(order)]</c>; scaffolded code uses it). An entity-level <c>HasPartitionKey</c> takes precedence.
    /// </summary>
    /// <param name="propertyBuilder">The property builder.</param>
    /// <param name="order">The position of the column in the partition key, from zero.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder IsPartitionKeyColumn(this PropertyBuilder propertyBuilder, int order = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        propertyBuilder.HasAnnotation(CassandraAnnotationNames.PartitionKeyOrder, order);
        return propertyBuilder;
    }

    /// <inheritdoc cref="IsPartitionKeyColumn(PropertyBuilder, int)"/>
    public static PropertyBuilder<TProperty> IsPartitionKeyColumn<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, int order = 0)
        => (PropertyBuilder<TProperty>)IsPartitionKeyColumn((PropertyBuilder)propertyBuilder, order);

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
    /// Makes SaveChanges update this collection column by its changes instead of replacing it whole: a set gets
    /// <c>s = s + {added}</c> and <c>s = s - {removed}</c>, a map <c>m = m + {added or changed}</c> and
    /// <c>m[key] = null</c> per removed key, a list that only grew at its end <c>l = l + [tail]</c> (any other list
    /// change still replaces it). Concurrent writers then merge instead of overwriting each other, and no tombstone is
    /// written for the whole collection. Only for non-frozen list, set and map columns.
    /// </summary>
    /// <param name="propertyBuilder">The property builder.</param>
    /// <param name="incremental">Whether updates are incremental.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static PropertyBuilder UseIncrementalCollectionUpdates(this PropertyBuilder propertyBuilder, bool incremental = true)
    {
        propertyBuilder.HasAnnotation(CassandraAnnotationNames.IncrementalCollectionUpdates, incremental);
        return propertyBuilder;
    }

    /// <inheritdoc cref="UseIncrementalCollectionUpdates(PropertyBuilder, bool)"/>
    public static PropertyBuilder<TProperty> UseIncrementalCollectionUpdates<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, bool incremental = true)
        => (PropertyBuilder<TProperty>)UseIncrementalCollectionUpdates((PropertyBuilder)propertyBuilder, incremental);

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
