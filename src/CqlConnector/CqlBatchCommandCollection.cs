using System.Collections;
using System.Data.Common;

namespace CqlConnector;

/// <summary>The statements of a <see cref="CqlBatch"/>.</summary>
public sealed class CqlBatchCommandCollection : DbBatchCommandCollection
{
    private readonly List<CqlBatchCommand> _commands = [];

    /// <inheritdoc />
    public override int Count => _commands.Count;

    /// <inheritdoc />
    public override bool IsReadOnly => false;

    /// <summary>The command at an index.</summary>
    public new CqlBatchCommand this[int index]
    {
        get => _commands[index];
        set => _commands[index] = value;
    }

    internal IReadOnlyList<CqlBatchCommand> Items => _commands;

    /// <summary>Adds a command with CQL text and returns it, for its parameters to be added.</summary>
    public CqlBatchCommand Add(string commandText)
    {
        var command = new CqlBatchCommand(commandText);
        _commands.Add(command);
        return command;
    }

    /// <inheritdoc />
    public override void Add(DbBatchCommand item) => _commands.Add(Cast(item));

    /// <inheritdoc />
    public override void Clear() => _commands.Clear();

    /// <inheritdoc />
    public override bool Contains(DbBatchCommand item) => item is CqlBatchCommand c && _commands.Contains(c);

    /// <inheritdoc />
    public override void CopyTo(DbBatchCommand[] array, int arrayIndex)
    {
        for (var i = 0; i < _commands.Count; i++)
        {
            array[arrayIndex + i] = _commands[i];
        }
    }

    /// <inheritdoc />
    public override IEnumerator<DbBatchCommand> GetEnumerator() => _commands.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(DbBatchCommand item) => item is CqlBatchCommand c ? _commands.IndexOf(c) : -1;

    /// <inheritdoc />
    public override void Insert(int index, DbBatchCommand item) => _commands.Insert(index, Cast(item));

    /// <inheritdoc />
    public override bool Remove(DbBatchCommand item) => item is CqlBatchCommand c && _commands.Remove(c);

    /// <inheritdoc />
    public override void RemoveAt(int index) => _commands.RemoveAt(index);

    /// <inheritdoc />
    protected override DbBatchCommand GetBatchCommand(int index) => _commands[index];

    /// <inheritdoc />
    protected override void SetBatchCommand(int index, DbBatchCommand batchCommand) => _commands[index] = Cast(batchCommand);

    private static CqlBatchCommand Cast(DbBatchCommand command) => command as CqlBatchCommand
        ?? throw new InvalidCastException($"A CqlBatch holds CqlBatchCommand objects, not {command.GetType().Name}.");
}
