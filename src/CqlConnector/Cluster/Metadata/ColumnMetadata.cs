using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>A column of a table, as the node's schema tables describe it.</summary>
public sealed class ColumnMetadata
{
    /// <summary>Creates the description of a column.</summary>
    public ColumnMetadata(string name, CqlType type, ColumnKind kind, int position = 0, ClusteringOrder clusteringOrder = ClusteringOrder.None, bool isFrozen = false)
    {
        Name = name;
        Type = type;
        Kind = kind;
        Position = position;
        ClusteringOrder = clusteringOrder;
        IsFrozen = isFrozen;
    }

    /// <summary>The column's name as stored (unquoted; case preserved).</summary>
    public string Name { get; }

    /// <summary>The column's CQL type.</summary>
    public CqlType Type { get; }

    /// <summary>Whether the column belongs to the partition key, the clustering key, or neither.</summary>
    public ColumnKind Kind { get; }

    /// <summary>
    /// For partition key and clustering columns, the position within that key (0-based); 0 for the others.
    /// </summary>
    public int Position { get; }

    /// <summary>For a clustering column, its order; <see cref="ClusteringOrder.None"/> for the others.</summary>
    public ClusteringOrder ClusteringOrder { get; }

    /// <summary>Whether the column's collection, tuple or user-defined type is frozen (stored as one value).</summary>
    public bool IsFrozen { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {(IsFrozen ? $"frozen<{Type}>" : Type.ToString())}";
}
