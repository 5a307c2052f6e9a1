using System.Collections;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>A table and the values of its partition key: statements with equal identities write one partition.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public readonly struct PartitionIdentity(string? schema, string table, object?[] values) : IEquatable<PartitionIdentity>
{
    /// <summary>The keyspace.</summary>
    public string? Schema { get; } = schema;

    /// <summary>The table.</summary>
    public string Table { get; } = table;

    /// <summary>The partition key values.</summary>
    public object?[] Values { get; } = values;

    /// <inheritdoc />
    public bool Equals(PartitionIdentity other)
        => Schema == other.Schema && Table == other.Table && StructuralComparisons.StructuralEqualityComparer.Equals(Values, other.Values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartitionIdentity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(Schema, Table, StructuralComparisons.StructuralEqualityComparer.GetHashCode(Values));
}
