namespace CqlConnector;

/// <summary>
/// CQL text run as it is (a QUERY message), with optional values for its bind markers: positional for '?' markers,
/// or named for ':name' markers. Types are inferred from the CLR values. Statements run many times are cheaper
/// prepared (<see cref="CqlSession.PrepareAsync(string, CancellationToken)"/>).
/// </summary>
public sealed class SimpleStatement : CqlStatement
{
    /// <summary>Creates a statement with values for its '?' markers, in order.</summary>
    public SimpleStatement(string cql, params object?[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cql);
        Query = cql;
        Values = values ?? [];
    }

    /// <summary>Creates a statement with values for its ':name' markers.</summary>
    public SimpleStatement(string cql, IReadOnlyDictionary<string, object?> namedValues)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cql);
        ArgumentNullException.ThrowIfNull(namedValues);
        Query = cql;
        Values = namedValues.Values.ToArray();
        ValueNames = namedValues.Keys.ToArray();
    }

    /// <summary>The CQL text.</summary>
    public string Query { get; }

    /// <summary>The values, in marker order (or in <see cref="ValueNames"/> order).</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The marker names of <see cref="Values"/>, when the statement was created with named values.</summary>
    public IReadOnlyList<string>? ValueNames { get; }

    internal override string DescribeQuery() => Query;
}
