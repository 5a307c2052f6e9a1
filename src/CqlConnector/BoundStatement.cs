namespace CqlConnector;

/// <summary>A <see cref="PreparedStatement"/> with values for its markers, ready to execute (an EXECUTE message).</summary>
public sealed class BoundStatement : CqlStatement
{
    internal BoundStatement(PreparedStatement prepared, object?[] values)
    {
        PreparedStatement = prepared;
        Values = values;
        Consistency = prepared.Consistency;
        IsIdempotent = prepared.IsIdempotent;
        PageSize = prepared.PageSize;
    }

    /// <summary>The prepared statement this binds.</summary>
    public PreparedStatement PreparedStatement { get; }

    /// <summary>The values, in bind-marker order.</summary>
    public IReadOnlyList<object?> Values { get; }

    internal override string DescribeQuery() => PreparedStatement.Query;
}
