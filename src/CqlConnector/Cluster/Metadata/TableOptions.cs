namespace CqlConnector.Cluster.Metadata;

/// <summary>The options of a table (<c>CREATE TABLE ... WITH</c>), normalized across Cassandra versions.</summary>
public sealed class TableOptions
{
    /// <summary>The default time to live of written cells, in seconds (0: none).</summary>
    public int DefaultTimeToLive { get; init; }

    /// <summary>The table's comment ("" when none).</summary>
    public string Comment { get; init; } = string.Empty;

    /// <summary>How long tombstones are kept before they may be purged, in seconds.</summary>
    public int GcGraceSeconds { get; init; }

    /// <summary>The bloom filter's false-positive chance.</summary>
    public double BloomFilterFpChance { get; init; }

    /// <summary>The probability of a read repair (before Cassandra 4.0).</summary>
    public double ReadRepairChance { get; init; }

    /// <summary>The speculative retry setting of the node, e.g. "99.0PERCENTILE".</summary>
    public string? SpeculativeRetry { get; init; }

    /// <summary>
    /// The compaction options; <c>class</c> names the strategy (its full Java class on 2.x, e.g.
    /// <c>org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Compaction { get; init; } = new Dictionary<string, string>();

    /// <summary>The compression options (e.g. <c>sstable_compression</c> or <c>class</c>, <c>chunk_length_kb</c>).</summary>
    public IReadOnlyDictionary<string, string> Compression { get; init; } = new Dictionary<string, string>();

    /// <summary>The caching options (<c>keys</c> and <c>rows_per_partition</c>).</summary>
    public IReadOnlyDictionary<string, string> Caching { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the table was created <c>WITH COMPACT STORAGE</c>.</summary>
    public bool IsCompactStorage { get; init; }
}
