using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace CqlConnector;

/// <summary>One statement of a <see cref="CqlBatch"/>: CQL text and its parameters (bound, never spliced).</summary>
public sealed class CqlBatchCommand : DbBatchCommand
{
    private string _commandText = string.Empty;

    /// <summary>Creates an empty batch command.</summary>
    public CqlBatchCommand()
    {
    }

    /// <summary>Creates a batch command with CQL text.</summary>
    public CqlBatchCommand(string commandText)
    {
        _commandText = commandText;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? string.Empty;
    }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("Cassandra has no stored procedures or table-direct commands; use CommandType.Text.");
            }
        }
    }

    /// <summary>Always -1: Cassandra reports no affected rows.</summary>
    public override int RecordsAffected => -1;

    /// <summary>The parameters bound to this statement's markers.</summary>
    public new CqlParameterCollection Parameters { get; } = new();

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    public override bool CanCreateParameter => true;

    /// <inheritdoc />
    public override DbParameter CreateParameter() => new CqlParameter();
}
