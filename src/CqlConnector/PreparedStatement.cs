using CqlConnector.Protocol.Responses;

namespace CqlConnector;

/// <summary>
/// A statement prepared on the cluster (<see cref="CqlSession.PrepareAsync(string, CancellationToken)"/>): its bind
/// markers and their types are known, so values are encoded with the right codec and only the statement id travels.
/// Create a <see cref="BoundStatement"/> per execution with <see cref="Bind(object?[])"/>. Thread-safe. When a node
/// forgets the statement (UNPREPARED, e.g. after a restart or a schema change) it is prepared again transparently.
/// </summary>
public sealed class PreparedStatement
{
    private volatile PreparedMetadata _metadata;

    internal PreparedStatement(string query, PreparedMetadata metadata)
    {
        Query = query;
        _metadata = metadata;
        Variables = CqlColumnDefinition.From(metadata.Variables);
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = Variables.Count - 1; i >= 0; i--)
        {
            indexes[Variables[i].Name] = i;
        }

        VariableIndexes = indexes;
    }

    /// <summary>The CQL text.</summary>
    public string Query { get; }

    /// <summary>The bind markers, in order, with the CQL type of each.</summary>
    public IReadOnlyList<CqlColumnDefinition> Variables { get; }

    /// <summary>
    /// The indexes (into <see cref="Variables"/>) of the markers that make up the partition key, in key order, for
    /// token-aware routing. Sent by the node from protocol v4; empty on v3.
    /// </summary>
    public IReadOnlyList<int> PartitionKeyIndexes => _metadata.PartitionKeyIndexes;

    /// <summary>The columns of the rows the statement returns (empty for writes; may be empty on Cassandra 2.1 until first run).</summary>
    public IReadOnlyList<CqlColumnDefinition> ResultColumns => _metadata.ResultMetadata.Columns is { } columns ? CqlColumnDefinition.From(columns) : [];

    /// <summary>Defaults copied into each bound statement: consistency (null: the session's).</summary>
    public ConsistencyLevel? Consistency { get; set; }

    /// <summary>Default for the bound statements' <see cref="CqlStatement.IsIdempotent"/>.</summary>
    public bool IsIdempotent { get; set; }

    /// <summary>Default for the bound statements' <see cref="CqlStatement.PageSize"/>.</summary>
    public int PageSize { get; set; }

    /// <summary>The latest metadata (replaced when the statement is prepared again).</summary>
    internal PreparedMetadata Metadata
    {
        get => _metadata;
        set => _metadata = value;
    }

    internal IReadOnlyDictionary<string, int> VariableIndexes { get; }

    /// <summary>
    /// Binds values to the markers, in order. Pass <see cref="CqlUnset.Value"/> to leave a marker unset (protocol
    /// v4+); null writes a null (a tombstone).
    /// </summary>
    /// <exception cref="ArgumentException">The number of values differs from the number of markers.</exception>
    public BoundStatement Bind(params object?[] values)
    {
        values ??= [];
        if (values.Length != Variables.Count)
        {
            throw new ArgumentException(
                $"The statement has {Variables.Count} bind marker(s) ({string.Join(", ", Variables.Select(v => v.Name))}) but {values.Length} value(s) were given. "
                + $"Pass one value per marker, in order. Statement: {Query}",
                nameof(values));
        }

        return new BoundStatement(this, values);
    }

    /// <summary>Binds values by marker name (the ':name' of named markers, the column name of '?' markers).</summary>
    /// <exception cref="ArgumentException">A name matches no marker, or a marker has no value.</exception>
    public BoundStatement Bind(IReadOnlyDictionary<string, object?> namedValues)
    {
        ArgumentNullException.ThrowIfNull(namedValues);
        var values = new object?[Variables.Count];
        var given = new bool[values.Length];
        foreach (var (name, value) in namedValues)
        {
            if (!VariableIndexes.TryGetValue(name, out var index))
            {
                throw new ArgumentException(
                    $"The statement has no bind marker named '{name}'. Its markers: {string.Join(", ", Variables.Select(v => v.Name))}. Statement: {Query}",
                    nameof(namedValues));
            }

            // A name used by several markers (e.g. "WHERE k = :k AND ... :k") binds each of them.
            for (var i = index; i < values.Length; i++)
            {
                if (string.Equals(Variables[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    values[i] = value;
                    given[i] = true;
                }
            }
        }

        var missing = Array.IndexOf(given, false);
        if (missing >= 0)
        {
            throw new ArgumentException(
                $"No value was given for bind marker '{Variables[missing].Name}'. Give every marker a value, or CqlUnset.Value to leave it unset (v4+). Statement: {Query}",
                nameof(namedValues));
        }

        return new BoundStatement(this, values);
    }
}
