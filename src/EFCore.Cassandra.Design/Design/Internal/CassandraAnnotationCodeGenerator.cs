using System.Reflection;

using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// Turns the provider's annotations into its fluent API in scaffolded code and migration snapshots:
/// <c>HasPartitionKey(...)</c>, <c>IsPartitionKeyColumn(...)</c>, <c>HasClusteringOrder(ClusteringOrder.Descending)</c>, <c>IsStaticColumn()</c>,
/// <c>HasDefaultTimeToLive(...)</c>, <c>HasGcGraceSeconds(...)</c>, <c>HasCompaction(...)</c>, <c>HasCaching(...)</c>, <c>UseInsertIfNotExists()</c> and
/// <c>UseIncrementalCollectionUpdates()</c>, for keyspaces <c>HasKeyspaceReplication(...)</c> and
/// <c>HasKeyspaceDurableWrites(...)</c>, and in snapshots the user-defined types <c>HasUserDefinedType(...)</c>, instead of
/// raw <c>HasAnnotation</c> calls.
/// </summary>
/// <remarks>
/// A partition key given per property (<c>[PartitionKey(order)]</c>, or read from a keyspace by scaffolding, which
/// knows column names but not the property names they get) is written per property as <c>IsPartitionKeyColumn(order)</c>.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraAnnotationCodeGenerator : AnnotationCodeGenerator
{
    private static readonly MethodInfo HasKeyspaceReplicationMethod = Method(
        typeof(CassandraModelBuilderExtensions), nameof(CassandraModelBuilderExtensions.HasKeyspaceReplication), typeof(ModelBuilder), typeof(string), typeof(string), typeof((string, int)[]));

    private static readonly MethodInfo HasKeyspaceDurableWritesMethod = Method(
        typeof(CassandraModelBuilderExtensions), nameof(CassandraModelBuilderExtensions.HasKeyspaceDurableWrites), typeof(ModelBuilder), typeof(string), typeof(bool));

    private static readonly MethodInfo HasUserDefinedTypeMethod = Method(
        typeof(CassandraModelBuilderExtensions), nameof(CassandraModelBuilderExtensions.HasUserDefinedType), typeof(ModelBuilder), typeof(string), typeof(string), typeof((string, string)[]));

    private static readonly MethodInfo HasPartitionKeyMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.HasPartitionKey), typeof(EntityTypeBuilder), typeof(string[]));

    private static readonly MethodInfo HasDefaultTimeToLiveMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.HasDefaultTimeToLive), typeof(EntityTypeBuilder), typeof(TimeSpan));

    private static readonly MethodInfo HasGcGraceSecondsMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.HasGcGraceSeconds), typeof(EntityTypeBuilder), typeof(int));

    private static readonly MethodInfo HasCompactionMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.HasCompaction), typeof(EntityTypeBuilder), typeof(string), typeof((string, string)[]));

    private static readonly MethodInfo HasCachingMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.HasCaching), typeof(EntityTypeBuilder), typeof(string), typeof(string));

    private static readonly MethodInfo UseInsertIfNotExistsMethod = Method(
        typeof(CassandraEntityTypeBuilderExtensions), nameof(CassandraEntityTypeBuilderExtensions.UseInsertIfNotExists), typeof(EntityTypeBuilder), typeof(bool));

    private static readonly MethodInfo HasClusteringOrderMethod = Method(
        typeof(CassandraPropertyBuilderExtensions), nameof(CassandraPropertyBuilderExtensions.HasClusteringOrder), typeof(PropertyBuilder), typeof(ClusteringOrder));

    private static readonly MethodInfo IsPartitionKeyColumnMethod = Method(
        typeof(CassandraPropertyBuilderExtensions), nameof(CassandraPropertyBuilderExtensions.IsPartitionKeyColumn), typeof(PropertyBuilder), typeof(int));

    private static readonly MethodInfo IsStaticColumnMethod = Method(
        typeof(CassandraPropertyBuilderExtensions), nameof(CassandraPropertyBuilderExtensions.IsStaticColumn), typeof(PropertyBuilder), typeof(bool));

    private static readonly MethodInfo UseIncrementalCollectionUpdatesMethod = Method(
        typeof(CassandraPropertyBuilderExtensions), nameof(CassandraPropertyBuilderExtensions.UseIncrementalCollectionUpdates), typeof(PropertyBuilder), typeof(bool));

    /// <summary>Creates the generator.</summary>
    /// <param name="dependencies">EF's dependencies of an annotation code generator.</param>
    public CassandraAnnotationCodeGenerator(AnnotationCodeGeneratorDependencies dependencies)
        : base(dependencies)
    {
    }

    /// <inheritdoc />
    /// <remarks>
    /// A keyspace's replication becomes <c>HasKeyspaceReplication("ks", "SimpleStrategy", ("replication_factor", 1))</c>
    /// and its durable writes <c>HasKeyspaceDurableWrites("ks", false)</c>; the keyspace is always named, since the
    /// annotation is per keyspace. A replication literal that is not a class with integer options stays an annotation.
    /// </remarks>
    protected override MethodCallCodeFragment? GenerateFluentApi(IModel model, IAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (annotation.Name.StartsWith(CassandraAnnotationNames.ReplicationPrefix, StringComparison.Ordinal)
            && annotation.Name.Length > CassandraAnnotationNames.ReplicationPrefix.Length
            && annotation.Value is string replication
            && CassandraReplication.TryParseCql(replication, out var strategyClass, out var factors))
        {
            var keyspace = annotation.Name[CassandraAnnotationNames.ReplicationPrefix.Length..];
            return factors.Length == 0
                ? new MethodCallCodeFragment(HasKeyspaceReplicationMethod, keyspace, strategyClass)
                : new MethodCallCodeFragment(HasKeyspaceReplicationMethod, keyspace, strategyClass, factors);
        }

        if (annotation.Name.StartsWith(CassandraAnnotationNames.DurableWritesPrefix, StringComparison.Ordinal)
            && annotation.Name.Length > CassandraAnnotationNames.DurableWritesPrefix.Length
            && annotation.Value is bool durableWrites)
        {
            return new MethodCallCodeFragment(
                HasKeyspaceDurableWritesMethod, annotation.Name[CassandraAnnotationNames.DurableWritesPrefix.Length..], durableWrites);
        }

        if (CassandraUserDefinedTypes.TryParseAnnotationName(annotation.Name, out var typeKeyspace, out var typeName)
            && annotation.Value is string fields)
        {
            return new MethodCallCodeFragment(
                HasUserDefinedTypeMethod, typeKeyspace, typeName, CassandraUserDefinedTypes.ParseFields(fields).ToArray());
        }

        return base.GenerateFluentApi(model, annotation);
    }

    /// <inheritdoc />
    protected override MethodCallCodeFragment? GenerateFluentApi(IEntityType entityType, IAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return annotation.Name switch
        {
            CassandraAnnotationNames.PartitionKey when annotation.Value is string[] names
                => new MethodCallCodeFragment(HasPartitionKeyMethod, (object)names),
            CassandraAnnotationNames.DefaultTimeToLive when annotation.Value is int seconds
                => new MethodCallCodeFragment(HasDefaultTimeToLiveMethod, TimeSpan.FromSeconds(seconds)),
            CassandraAnnotationNames.GcGraceSeconds when annotation.Value is int seconds
                => new MethodCallCodeFragment(HasGcGraceSecondsMethod, seconds),
            CassandraAnnotationNames.Compaction when annotation.Value is string compaction
                && CqlLiterals.ParseMap(compaction) is [("class", var strategyClass), ..] compactionEntries
                => compactionEntries.Count == 1
                    ? new MethodCallCodeFragment(HasCompactionMethod, strategyClass)
                    : new MethodCallCodeFragment(HasCompactionMethod, strategyClass, compactionEntries.Skip(1).ToArray()),
            CassandraAnnotationNames.Caching when annotation.Value is string caching
                && CqlLiterals.ParseMap(caching) is [("keys", var keys), ("rows_per_partition", var rowsPerPartition)]
                => new MethodCallCodeFragment(HasCachingMethod, keys, rowsPerPartition),
            CassandraAnnotationNames.InsertIfNotExists when annotation.Value is bool insertIfNotExists
                => insertIfNotExists
                    ? new MethodCallCodeFragment(UseInsertIfNotExistsMethod)
                    : new MethodCallCodeFragment(UseInsertIfNotExistsMethod, false),
            _ => base.GenerateFluentApi(entityType, annotation),
        };
    }

    /// <inheritdoc />
    protected override MethodCallCodeFragment? GenerateFluentApi(IProperty property, IAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return annotation.Name switch
        {
            CassandraAnnotationNames.PartitionKeyOrder when annotation.Value is int position
                => position == 0 ? new MethodCallCodeFragment(IsPartitionKeyColumnMethod) : new MethodCallCodeFragment(IsPartitionKeyColumnMethod, position),
            CassandraAnnotationNames.ClusteringOrder when annotation.Value is ClusteringOrder order
                => new MethodCallCodeFragment(HasClusteringOrderMethod, order),
            CassandraAnnotationNames.Static when annotation.Value is bool isStatic
                => isStatic ? new MethodCallCodeFragment(IsStaticColumnMethod) : new MethodCallCodeFragment(IsStaticColumnMethod, false),
            CassandraAnnotationNames.IncrementalCollectionUpdates when annotation.Value is bool incremental
                => incremental
                    ? new MethodCallCodeFragment(UseIncrementalCollectionUpdatesMethod)
                    : new MethodCallCodeFragment(UseIncrementalCollectionUpdatesMethod, false),
            _ => base.GenerateFluentApi(property, annotation),
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// The user-defined types are derived from the classes: a snapshot records them (it does not ask this), a scaffolded
    /// context leaves them out.
    /// </remarks>
    protected override bool IsHandledByConvention(IModel model, IAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return annotation.Name.StartsWith(CassandraAnnotationNames.UserDefinedTypePrefix, StringComparison.Ordinal)
            || base.IsHandledByConvention(model, annotation);
    }

    /// <inheritdoc />
    protected override bool IsHandledByConvention(IProperty property, IAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);

        // Ascending is Cassandra's default clustering order.
        return annotation.Name == CassandraAnnotationNames.ClusteringOrder && annotation.Value is ClusteringOrder.Ascending
            || base.IsHandledByConvention(property, annotation);
    }

    private static MethodInfo Method(Type type, string name, params Type[] parameters)
        => type.GetRuntimeMethod(name, parameters)
            ?? throw new InvalidOperationException($"{type.Name}.{name} was not found: the provider and its design package differ in version.");
}
