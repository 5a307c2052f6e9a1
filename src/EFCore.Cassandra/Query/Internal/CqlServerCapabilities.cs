namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>What the Cassandra version a query is translated for can answer.</summary>
/// <remarks>
/// The version is configured (<c>UseCassandra(..., o => o.ServerVersion("4.1"))</c>) or read from the connection; when
/// neither is known, the oldest supported version (2.1) is assumed, so a translated query never needs more than the
/// server has.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlServerCapabilities(Version? version)
{
    /// <summary>The oldest Cassandra version the provider supports.</summary>
    public static readonly Version Oldest = new(2, 1, 0);

    /// <summary>The version translated for.</summary>
    public Version Version { get; } = version ?? Oldest;

    /// <summary>Whether the version was known rather than assumed.</summary>
    public bool IsKnown { get; } = version is not null;

    /// <summary>Aggregates other than COUNT (<c>min</c>, <c>max</c>, <c>sum</c>, <c>avg</c>): Cassandra 2.2.</summary>
    public bool SupportsAggregates => AtLeast(2, 2);

    /// <summary><c>PER PARTITION LIMIT</c>: Cassandra 3.6.</summary>
    public bool SupportsPerPartitionLimit => AtLeast(3, 6);

    /// <summary>Filtering on regular and collection columns without a secondary index: Cassandra 3.6.</summary>
    public bool SupportsFilteringWithoutIndex => AtLeast(3, 6);

    /// <summary>Filtering on part of a partition key, or on clustering columns out of order: Cassandra 3.10.</summary>
    public bool SupportsKeyFiltering => AtLeast(3, 10);

    /// <summary>The version as text for messages, saying when it was assumed.</summary>
    public string Describe()
        => IsKnown
            ? $"Cassandra {Version}"
            : $"Cassandra {Version} (assumed: the server version is unknown; configure it with UseCassandra(..., o => o.ServerVersion(\"x.y\")))";

    /// <summary>Whether the version is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool AtLeast(int major, int minor) => Version >= new Version(major, minor);
}
