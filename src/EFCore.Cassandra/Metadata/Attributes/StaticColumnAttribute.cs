namespace EntityFrameworkCore.Cassandra.Metadata.Attributes;

/// <summary>
/// Marks a property as a static column: one value shared by every row of a partition. Only tables with clustering
/// columns have static columns.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class StaticColumnAttribute : Attribute;
