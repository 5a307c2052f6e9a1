using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>
/// Carries the Cassandra configuration of entity types and properties onto the tables and columns of the relational
/// model, where the migrations pipeline (and so EnsureCreated) reads it: partition key and clustering order in column
/// names, table options, static columns.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraAnnotationProvider(RelationalAnnotationProviderDependencies dependencies)
    : RelationalAnnotationProvider(dependencies)
{
    /// <inheritdoc />
    public override IEnumerable<IAnnotation> For(ITable table, bool designTime)
    {
        foreach (var annotation in base.For(table, designTime))
        {
            yield return annotation;
        }

        if (table.EntityTypeMappings.FirstOrDefault()?.TypeBase is not IEntityType entityType)
        {
            yield break;
        }

        var store = StoreObjectIdentifier.Table(table.Name, table.Schema);
        var partition = entityType.GetPartitionKeyProperties();
        if (partition.Count > 0)
        {
            yield return new Annotation(
                CassandraAnnotationNames.PartitionKeyColumns,
                partition.Select(p => p.GetColumnName(store) ?? p.Name).ToArray());
        }

        var clustering = entityType.GetClusteringKeyProperties();
        if (clustering.Count > 0)
        {
            yield return new Annotation(
                CassandraAnnotationNames.ClusteringOrderColumns,
                clustering.Select(p => (p.GetColumnName(store) ?? p.Name) + (p.GetClusteringOrder() == ClusteringOrder.Descending ? " DESC" : " ASC")).ToArray());
        }

        foreach (var name in (string[])[
                     CassandraAnnotationNames.DefaultTimeToLive, CassandraAnnotationNames.GcGraceSeconds,
                     CassandraAnnotationNames.Compaction, CassandraAnnotationNames.Caching])
        {
            if (entityType.FindAnnotation(name) is { Value: not null } annotation)
            {
                yield return annotation;
            }
        }
    }

    /// <inheritdoc />
    public override IEnumerable<IAnnotation> For(IColumn column, bool designTime)
    {
        foreach (var annotation in base.For(column, designTime))
        {
            yield return annotation;
        }

        if (column.PropertyMappings.Any(m => m.Property.IsStaticColumn()))
        {
            yield return new Annotation(CassandraAnnotationNames.Static, true);
        }
    }
}
