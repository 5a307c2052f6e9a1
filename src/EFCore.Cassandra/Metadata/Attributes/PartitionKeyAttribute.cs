namespace EntityFrameworkCore.Cassandra.Metadata.Attributes;

/// <summary>
/// Marks a key property as part of the partition key (the key properties not marked are clustering columns). With
/// several partition key properties, <see cref="Order"/> gives their position. The whole key is still configured with
/// <c>[PrimaryKey(...)]</c> or <c>HasKey(...)</c>.
/// </summary>
/// <param name="order">The position of the property in the partition key, from 0.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PartitionKeyAttribute(int order = 0) : Attribute
{
    /// <summary>The position of the property in the partition key, from 0.</summary>
    public int Order { get; } = order;
}
