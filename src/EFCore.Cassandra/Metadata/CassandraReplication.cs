using System.Globalization;
using System.Text;

using EntityFrameworkCore.Cassandra.Storage.Internal;

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

    /// <summary>
    /// A replication given by its class name and factors, as a keyspace's schema lists them (what generated code and
    /// scaffolding write): <c>SimpleStrategy</c> with <c>("replication_factor", n)</c>, <c>NetworkTopologyStrategy</c>
    /// with one factor per data centre, or another strategy class with its integer options.
    /// </summary>
    /// <param name="strategyClass">The replication class; Cassandra's own may be given by their Java name
    /// (<c>org.apache.cassandra.locator.SimpleStrategy</c>).</param>
    /// <param name="factors">The options after the class, in order.</param>
    public static CassandraReplication Create(string strategyClass, params (string Name, int ReplicationFactor)[] factors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategyClass);
        ArgumentNullException.ThrowIfNull(factors);
        strategyClass = ShortClassName(strategyClass);
        switch (strategyClass)
        {
            case "SimpleStrategy":
                if (factors is not [("replication_factor", var replicationFactor)])
                {
                    throw new ArgumentException(
                        "SimpleStrategy takes exactly one option, (\"replication_factor\", n).", nameof(factors));
                }

                return SimpleStrategy(replicationFactor);
            case "NetworkTopologyStrategy":
                return NetworkTopologyStrategy(factors);
            default:
                foreach (var (name, factor) in factors)
                {
                    ArgumentException.ThrowIfNullOrWhiteSpace(name);
                    ArgumentOutOfRangeException.ThrowIfNegative(factor);
                }

                return new(strategyClass, factors.Select(f => new KeyValuePair<string, int>(f.Name, f.ReplicationFactor)).ToList());
        }
    }

    /// <summary>
    /// <c>org.apache.cassandra.locator.SimpleStrategy</c> (how Cassandra stores the class) becomes <c>SimpleStrategy</c>;
    /// any other class name is kept as it is.
    /// </summary>
    /// <param name="strategyClass">The class name.</param>
    public static string ShortClassName(string strategyClass)
    {
        ArgumentNullException.ThrowIfNull(strategyClass);
        const string Locator = "org.apache.cassandra.locator.";
        return strategyClass.StartsWith(Locator, StringComparison.Ordinal) ? strategyClass[Locator.Length..] : strategyClass;
    }

    /// <summary>The CQL map literal, e.g. <c>{'class': 'SimpleStrategy', 'replication_factor': 1}</c>.</summary>
    public string ToCql()
    {
        var builder = new StringBuilder("{'class': ").Append(CqlLiterals.String(Strategy));
        foreach (var (name, factor) in Factors)
        {
            builder.Append(", ").Append(CqlLiterals.String(name)).Append(": ").Append(factor.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    /// <summary>
    /// Reads back a replication map literal as <see cref="ToCql"/> writes it: the class as written and its integer
    /// options in order; false for any other text.
    /// </summary>
    internal static bool TryParseCql(string literal, out string strategyClass, out (string Name, int ReplicationFactor)[] factors)
    {
        strategyClass = "";
        factors = [];
        if (CqlLiterals.ParseMap(literal) is not [("class", var className), .. var options])
        {
            return false;
        }

        var parsed = new (string, int)[options.Count];
        for (var i = 0; i < options.Count; i++)
        {
            if (!int.TryParse(options[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var factor))
            {
                return false;
            }

            parsed[i] = (options[i].Name, factor);
        }

        (strategyClass, factors) = (className, parsed);
        return true;
    }

    /// <summary>
    /// Rewrites any replication map literal, including ones <see cref="TryParseCql"/> does not read (other options,
    /// non-integer values): every name and value quoted as <see cref="ToCql"/> quotes them (an integer written bare), in
    /// their order; null when the text is not a CQL map literal with a <c>class</c> entry.
    /// </summary>
    internal static string? NormalizeCql(string literal)
    {
        if (CqlLiterals.ParseMap(literal) is not { } entries || !entries.Exists(e => e.Name == "class"))
        {
            return null;
        }

        var builder = new StringBuilder("{");
        foreach (var (name, value) in entries)
        {
            builder
                .Append(builder.Length == 1 ? "" : ", ")
                .Append(CqlLiterals.String(name))
                .Append(": ")
                .Append(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : CqlLiterals.String(value));
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Whether <paramref name="other"/> has the same class and factors (the order of the factors aside).</summary>
    internal bool HasSameSettings(CassandraReplication other)
        => Strategy == other.Strategy && Factors.Count == other.Factors.Count && Factors.All(other.Factors.Contains);

    /// <inheritdoc />
    public override string ToString() => ToCql();
}
