using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

using ClusteringOrder = EntityFrameworkCore.Cassandra.Metadata.ClusteringOrder;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// The key structure of the table a CQL statement reads, as column names: partition key, clustering columns with their
/// order, indexed and static columns. Read from the model through the provider's metadata extensions
/// (<c>GetPartitionKeyProperties</c>, <c>GetClusteringKeyProperties</c>, <c>GetClusteringOrder</c>).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlTableKeys
{
    private CqlTableKeys(
        string table,
        IReadOnlyList<string> partitionKey,
        IReadOnlyList<(string Column, ClusteringOrder Order)> clustering,
        IReadOnlySet<string> indexed,
        IReadOnlySet<string> collections)
    {
        Table = table;
        PartitionKey = partitionKey;
        Clustering = clustering;
        Indexed = indexed;
        Collections = collections;
    }

    /// <summary>The table's name, for messages.</summary>
    public string Table { get; }

    /// <summary>The partition key columns, in order.</summary>
    public IReadOnlyList<string> PartitionKey { get; }

    /// <summary>The clustering columns, in order, with their clustering order.</summary>
    public IReadOnlyList<(string Column, ClusteringOrder Order)> Clustering { get; }

    /// <summary>The columns with a secondary index.</summary>
    public IReadOnlySet<string> Indexed { get; }

    /// <summary>The collection columns (list, set, map).</summary>
    public IReadOnlySet<string> Collections { get; }

    /// <summary>The position of a clustering column, or -1.</summary>
    public int ClusteringIndex(string column)
    {
        for (var i = 0; i < Clustering.Count; i++)
        {
            if (Clustering[i].Column == column)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The keys of the table behind <paramref name="table"/>.</summary>
    public static CqlTableKeys For(TableExpression table)
    {
        var storeObject = StoreObjectIdentifier.Table(table.Name, table.Schema);
        var entityType = table.Table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>().FirstOrDefault(e => e.BaseType is null)
            ?? throw new InvalidOperationException($"The table '{table.Name}' is mapped by no entity type.");

        string Column(IReadOnlyProperty property) => property.GetColumnName(storeObject) ?? property.Name;

        return new CqlTableKeys(
            table.Name,
            entityType.GetPartitionKeyProperties().Select(Column).ToList(),
            entityType.GetClusteringKeyProperties().Select(p => (Column(p), p.GetClusteringOrder())).ToList(),
            entityType.GetIndexes().Where(i => i.Properties.Count == 1).Select(i => Column(i.Properties[0])).ToHashSet(),
            entityType.GetProperties()
                .Where(p => p.GetRelationalTypeMapping() is Storage.Internal.Mapping.CqlListTypeMapping
                    or Storage.Internal.Mapping.CqlSetTypeMapping or Storage.Internal.Mapping.CqlMapTypeMapping)
                .Select(Column)
                .ToHashSet());
    }
}
