using System.Globalization;
using System.Linq.Expressions;
using System.Text;

using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Table-level Cassandra configuration: partition key, time-to-live, table options, write options.</summary>
public static class CassandraEntityTypeBuilderExtensions
{
    /// <summary>
    /// Names the key properties that form the partition key; the other key properties (in <c>HasKey</c> order) are
    /// the clustering columns. The EF key stays the whole primary key, so two rows of one partition are two entities.
    /// </summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="propertyNames">Key property names, in partition key order.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder HasPartitionKey(this EntityTypeBuilder entityTypeBuilder, params string[] propertyNames)
    {
        ArgumentNullException.ThrowIfNull(propertyNames);
        if (propertyNames.Length == 0)
        {
            throw new ArgumentException("A partition key needs at least one key property.", nameof(propertyNames));
        }

        entityTypeBuilder.HasAnnotation(CassandraAnnotationNames.PartitionKey, propertyNames);
        return entityTypeBuilder;
    }

    /// <summary>Names the key properties that form the partition key, e.g. <c>e => new { e.Tenant, e.Day }</c>.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="partitionKey">A property, or an anonymous type of properties.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder<TEntity> HasPartitionKey<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, object?>> partitionKey)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var body = partitionKey.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : partitionKey.Body;
        var names = body switch
        {
            MemberExpression member => [member.Member.Name],
            NewExpression newExpression => newExpression.Arguments
                .Select(a => a is MemberExpression m ? m.Member.Name : throw InvalidPartitionKeyExpression(partitionKey))
                .ToArray(),
            _ => throw InvalidPartitionKeyExpression(partitionKey),
        };

        HasPartitionKey((EntityTypeBuilder)entityTypeBuilder, names);
        return entityTypeBuilder;
    }

    /// <summary>Sets the table's <c>default_time_to_live</c>: rows expire this long after they were written.</summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="timeToLive">Whole seconds, more than zero.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder HasDefaultTimeToLive(this EntityTypeBuilder entityTypeBuilder, TimeSpan timeToLive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeToLive, TimeSpan.FromSeconds(1));
        entityTypeBuilder.HasAnnotation(CassandraAnnotationNames.DefaultTimeToLive, (int)timeToLive.TotalSeconds);
        return entityTypeBuilder;
    }

    /// <summary>Sets the table's <c>gc_grace_seconds</c> (how long tombstones are kept).</summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="seconds">Seconds, zero or more.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder HasGcGraceSeconds(this EntityTypeBuilder entityTypeBuilder, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        entityTypeBuilder.HasAnnotation(CassandraAnnotationNames.GcGraceSeconds, seconds);
        return entityTypeBuilder;
    }

    /// <summary>
    /// Sets the table's <c>compaction</c>, e.g. <c>HasCompaction("LeveledCompactionStrategy", ("sstable_size_in_mb", "160"))</c>.
    /// </summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="strategyClass">The compaction strategy class.</param>
    /// <param name="options">The strategy's sub-options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder HasCompaction(
        this EntityTypeBuilder entityTypeBuilder,
        string strategyClass,
        params (string Name, string Value)[] options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategyClass);
        entityTypeBuilder.HasAnnotation(CassandraAnnotationNames.Compaction, MapLiteral([("class", strategyClass), .. options]));
        return entityTypeBuilder;
    }

    /// <summary>
    /// Sets the table's <c>caching</c>: <paramref name="keys"/> is <c>ALL</c> or <c>NONE</c>,
    /// <paramref name="rowsPerPartition"/> is <c>ALL</c>, <c>NONE</c> or a number.
    /// </summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="keys">Whether partition keys are cached.</param>
    /// <param name="rowsPerPartition">How many rows per partition are cached.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder HasCaching(this EntityTypeBuilder entityTypeBuilder, string keys = "ALL", string rowsPerPartition = "NONE")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(rowsPerPartition);
        entityTypeBuilder.HasAnnotation(
            CassandraAnnotationNames.Caching,
            MapLiteral([("keys", keys), ("rows_per_partition", rowsPerPartition)]));
        return entityTypeBuilder;
    }

    /// <summary>
    /// Inserts added entities with <c>IF NOT EXISTS</c> (a lightweight transaction): adding an entity whose key
    /// exists raises <see cref="DbUpdateException"/> instead of overwriting the row (Cassandra's INSERT is an upsert).
    /// </summary>
    /// <param name="entityTypeBuilder">The entity type builder.</param>
    /// <param name="insertIfNotExists">Whether to use IF NOT EXISTS.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static EntityTypeBuilder UseInsertIfNotExists(this EntityTypeBuilder entityTypeBuilder, bool insertIfNotExists = true)
    {
        entityTypeBuilder.HasAnnotation(CassandraAnnotationNames.InsertIfNotExists, insertIfNotExists);
        return entityTypeBuilder;
    }

    private static string MapLiteral(IEnumerable<(string Name, string Value)> entries)
    {
        var builder = new StringBuilder("{");
        foreach (var (name, value) in entries)
        {
            if (builder.Length > 1)
            {
                builder.Append(", ");
            }

            builder.Append('\'').Append(name.Replace("'", "''", StringComparison.Ordinal)).Append("': ");
            builder.Append(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? value
                : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'");
        }

        return builder.Append('}').ToString();
    }

    private static ArgumentException InvalidPartitionKeyExpression(LambdaExpression expression)
        => new(
            $"The expression '{expression}' does not name key properties. Write a property access (e => e.Tenant) or an "
            + "anonymous type of property accesses (e => new { e.Tenant, e.Day }).",
            nameof(expression));
}
