using System.Globalization;
using System.Text;

namespace EntityFrameworkCore.Cassandra.Metadata;

/// <summary>
/// How a keyspace is replicated: <see cref="SimpleStrategy"/> (one replication factor, for one data centre) or
/// <see cref="NetworkTopologyStrategy"/> (a factor per data centre, for production clusters).
/// </summary>
public sealed class CassandraReplication
{
    private CassandraReplication(string strategy, IReadOnlyList<KeyValuePair<string, int>> factors)
    {
        Strategy = strategy;
        Factors = factors;
    }

    /// <summary>The replication class, <c>SimpleStrategy</c> or <c>NetworkTopologyStrategy</c>.</summary>
    public string Strategy { get; }

    /// <summary>
    /// The replication factors: one entry named <c>replication_factor</c> for SimpleStrategy, one per data centre for
    /// NetworkTopologyStrategy.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, int>> Factors { get; }

    /// <summary>SimpleStrategy with <paramref name="replicationFactor"/> copies of each row.</summary>
    public static CassandraReplication SimpleStrategy(int replicationFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicationFactor);
        return new("SimpleStrategy", [new("replication_factor", replicationFactor)]);
    }

    /// <summary>NetworkTopologyStrategy with a replication factor per data centre (e.g. <c>("dc1", 3), ("dc2", 2)</c>).</summary>
    public static CassandraReplication NetworkTopologyStrategy(params (string DataCenter, int ReplicationFactor)[] dataCenters)
    {
        ArgumentNullException.ThrowIfNull(dataCenters);
        if (dataCenters.Length == 0)
        {
            throw new ArgumentException("NetworkTopologyStrategy needs at least one data centre with its replication factor.", nameof(dataCenters));
        }

        foreach (var (dataCenter, factor) in dataCenters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(dataCenter);
            ArgumentOutOfRangeException.ThrowIfNegative(factor);
        }

        return new("NetworkTopologyStrategy", dataCenters.Select(d => new KeyValuePair<string, int>(d.DataCenter, d.ReplicationFactor)).ToList());
    }

    /// <summary>The CQL map literal, e.g. <c>{'class': 'SimpleStrategy', 'replication_factor': 1}</c>.</summary>
    public string ToCql()
    {
        var builder = new StringBuilder("{'class': '").Append(Strategy).Append('\'');
        foreach (var (name, factor) in Factors)
        {
            builder.Append(", '").Append(name.Replace("'", "''", StringComparison.Ordinal)).Append("': ")
                .Append(factor.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToCql();
}
