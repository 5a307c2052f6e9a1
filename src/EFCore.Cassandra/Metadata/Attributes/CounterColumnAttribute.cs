namespace EntityFrameworkCore.Cassandra.Metadata.Attributes;

/// <summary>
/// Maps a <see cref="long"/> property to a CQL <c>counter</c>: SaveChanges sends the difference from the value read
/// (<c>SET c = c + delta</c>). A table with counters holds only key and counter columns.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class CounterColumnAttribute : Attribute;
