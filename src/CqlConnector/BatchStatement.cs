namespace CqlConnector;

/// <summary>
/// Several writes (simple and bound statements, mixed) sent as one BATCH. Group the statements of one partition in
/// an <see cref="BatchType.Unlogged"/> batch; a batch spanning partitions is slower than running its statements
/// concurrently and makes the node warn past a size threshold. Paging settings do not apply to batches; the
/// consistency, serial consistency and timestamp of the batch apply to all its statements.
/// </summary>
public sealed class BatchStatement : CqlStatement
{
    private readonly List<CqlStatement> _statements = [];

    /// <summary>Creates an empty batch of the given kind.</summary>
    public BatchStatement(BatchType type = BatchType.Logged)
    {
        Type = type;
    }

    /// <summary>The kind of batch.</summary>
    public BatchType Type { get; }

    /// <summary>The statements of the batch, in order.</summary>
    public IReadOnlyList<CqlStatement> Statements => _statements;

    /// <summary>Adds a simple or a bound statement.</summary>
    /// <exception cref="ArgumentException">The statement is a batch (batches do not nest).</exception>
    public BatchStatement Add(CqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement is not (SimpleStatement or BoundStatement))
        {
            throw new ArgumentException("A batch holds simple and bound statements only; batches do not nest. Add the inner batch's statements instead.", nameof(statement));
        }

        if (statement is SimpleStatement { ValueNames: not null })
        {
            throw new ArgumentException(
                "A batch cannot carry named values for a simple statement (the BATCH message has no names). Use positional values or prepare the statement.",
                nameof(statement));
        }

        _statements.Add(statement);
        return this;
    }

    /// <summary>Adds CQL text with positional values.</summary>
    public BatchStatement Add(string cql, params object?[] values) => Add(new SimpleStatement(cql, values));

    internal override string DescribeQuery() => $"BATCH of {_statements.Count} statement(s)";
}
