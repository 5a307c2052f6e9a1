namespace EntityFrameworkCore.Cassandra;

/// <summary>
/// How the rows of a SaveChanges (or of one entity) are written: with a time to live, after which Cassandra drops
/// the written cells, and/or with an explicit write timestamp (Cassandra resolves concurrent writes of a cell by
/// timestamp, the last one winning). Pass them to <c>SaveChangesAsync(options)</c> or set them on an entity with
/// <c>context.Entry(entity).SetWriteOptions(options)</c>; an entity's own options win over the call's.
/// </summary>
public sealed record CassandraWriteOptions
{
    /// <summary>The longest TTL Cassandra accepts: 20 years.</summary>
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromSeconds(630_720_000);

    /// <summary>
    /// The time to live of the written cells (<c>USING TTL</c>), whole seconds, at most 20 years. Ignored by DELETE;
    /// not allowed on counters. <see cref="TimeSpan.Zero"/> writes without a TTL even when the table has a default one.
    /// </summary>
    public TimeSpan? TimeToLive
    {
        get;
        init
        {
            if (value is { } ttl && (ttl < TimeSpan.Zero || ttl > MaxTimeToLive || ttl.Ticks % TimeSpan.TicksPerSecond != 0))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), ttl, "A Cassandra TTL is a whole number of seconds between 0 and 630720000 (20 years).");
            }

            field = value;
        }
    }

    /// <summary>
    /// The write timestamp (<c>USING TIMESTAMP</c>), microsecond precision. Not allowed on counters nor on
    /// lightweight transactions (concurrency tokens, IF NOT EXISTS), which Cassandra timestamps itself.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The timestamp as Cassandra counts it: microseconds since the Unix epoch.</summary>
    internal long? TimestampMicroseconds => Timestamp is { } t ? (t.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10 : null;

    internal int? TimeToLiveSeconds => TimeToLive is { } ttl ? (int)ttl.TotalSeconds : null;

    /// <summary>These options, with the ones <paramref name="overrides"/> sets taking precedence.</summary>
    internal CassandraWriteOptions MergedWith(CassandraWriteOptions? overrides) => overrides is null
        ? this
        : new CassandraWriteOptions { TimeToLive = overrides.TimeToLive ?? TimeToLive, Timestamp = overrides.Timestamp ?? Timestamp };
}
