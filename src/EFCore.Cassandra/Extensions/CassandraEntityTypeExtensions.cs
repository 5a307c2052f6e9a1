using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the Cassandra configuration of an entity type (partition key, table options, write options).</summary>
public static class CassandraEntityTypeExtensions
{
    /// <summary>
    /// The key properties that form the partition key: those named by <c>HasPartitionKey</c>, else those marked with
    /// <c>[PartitionKey]</c> (in their order), else the first key property. The key belongs to the root of a hierarchy
    /// (one table), so a derived type answers with its root type's configuration.
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetPartitionKeyProperties(this IReadOnlyEntityType entityType)
    {
        var key = entityType.FindPrimaryKey();
        if (key is null)
        {
            return [];
        }

        if (entityType.GetRootType()[CassandraAnnotationNames.PartitionKey] is string[] names)
        {
            return names.Select(n => entityType.FindProperty(n)).OfType<IReadOnlyProperty>().ToList();
        }

        var marked = key.Properties
            .Where(p => p[CassandraAnnotationNames.PartitionKeyOrder] is int)
            .OrderBy(p => (int)p[CassandraAnnotationNames.PartitionKeyOrder]!)
            .ToList();
        return marked.Count > 0 ? marked : [key.Properties[0]];
    }

    /// <summary>The names given to <c>HasPartitionKey</c>, or null when the partition key is found by convention.</summary>
    public static IReadOnlyList<string>? GetConfiguredPartitionKey(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[CassandraAnnotationNames.PartitionKey] as string[];

    /// <summary>The clustering columns: the key properties after the partition key, in key order.</summary>
    public static IReadOnlyList<IReadOnlyProperty> GetClusteringKeyProperties(this IReadOnlyEntityType entityType)
    {
        var key = entityType.FindPrimaryKey();
        if (key is null)
        {
            return [];
        }

        var partition = entityType.GetPartitionKeyProperties();
        return key.Properties.Where(p => !partition.Contains(p)).ToList();
    }

    /// <summary>The table's <c>default_time_to_live</c>, or null.</summary>
    public static TimeSpan? GetDefaultTimeToLive(this IReadOnlyEntityType entityType)
        => entityType[CassandraAnnotationNames.DefaultTimeToLive] is int seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The table's <c>gc_grace_seconds</c>, or null.</summary>
    public static int? GetGcGraceSeconds(this IReadOnlyEntityType entityType)
        => entityType[CassandraAnnotationNames.GcGraceSeconds] as int?;

    /// <summary>The table's <c>compaction</c> as a CQL map literal, or null.</summary>
    public static string? GetCompaction(this IReadOnlyEntityType entityType)
        => entityType[CassandraAnnotationNames.Compaction] as string;

    /// <summary>The table's <c>caching</c> as a CQL map literal, or null.</summary>
    public static string? GetCaching(this IReadOnlyEntityType entityType)
        => entityType[CassandraAnnotationNames.Caching] as string;

    /// <summary>Whether added rows are inserted with <c>IF NOT EXISTS</c>.</summary>
    public static bool GetInsertIfNotExists(this IReadOnlyEntityType entityType)
        => entityType[CassandraAnnotationNames.InsertIfNotExists] as bool? ?? false;

    /// <summary>Whether the entity type's table holds counter columns.</summary>
    public static bool IsCounterTable(this IReadOnlyEntityType entityType)
        => entityType.GetProperties().Any(p => p.IsCounter());
}
