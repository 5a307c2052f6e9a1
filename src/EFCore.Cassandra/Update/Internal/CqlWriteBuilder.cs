using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Turns a modification into its <see cref="CqlWrite"/>: the text from <see cref="CqlStatementWriter"/> with markers
/// <c>:p0</c>, <c>:p1</c>... and the values bound to them, converted to what the driver encodes.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlWriteBuilder(ISqlGenerationHelper sqlGenerationHelper)
{
    private readonly CqlStatementWriter _writer = new(sqlGenerationHelper);
    private readonly StringBuilder _text = new();
    private readonly List<object?> _values = [];

    /// <summary>Builds the statement of <paramref name="command"/>, with a USING clause for <paramref name="writeOptions"/>.</summary>
    public virtual CqlWrite Build(IReadOnlyModificationCommand command, CassandraWriteOptions? writeOptions = null)
    {
        _text.Clear();
        _values.Clear();
        var conditional = _writer.Append(_text, command, AppendMarker, writeOptions, AppendOptionMarker);
        return new CqlWrite(
            command,
            _text.ToString(),
            _values.ToArray(),
            conditional,
            CqlStatementWriter.IsCounterCommand(command),
            Partition(command));
    }

    private void AppendMarker(StringBuilder builder, IColumnModification column, CqlValueKind kind)
    {
        builder.Append(":p").Append(_values.Count);
        _values.Add(kind switch
        {
            CqlValueKind.Original => ToProvider(column, column.OriginalValue),
            CqlValueKind.CounterDelta => Convert.ToInt64(ToProvider(column, column.Value) ?? 0L)
                - (column.Entry?.EntityState == EntityState.Added ? 0L : Convert.ToInt64(ToProvider(column, column.OriginalValue) ?? 0L)),
            _ => ToProvider(column, column.Value),
        });
    }

    private void AppendOptionMarker(StringBuilder builder, object value)
    {
        builder.Append(":p").Append(_values.Count);
        _values.Add(value);
    }

    private static object? ToProvider(IColumnModification column, object? value)
        => value is not null && column.TypeMapping?.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static PartitionIdentity Partition(IReadOnlyModificationCommand command)
    {
        if (command.Entries.Count == 0)
        {
            return new PartitionIdentity(command.Schema, command.TableName, []);
        }

        var partition = command.Entries[0].EntityType.GetPartitionKeyProperties();
        var values = new object?[partition.Count];
        foreach (var column in command.ColumnModifications)
        {
            if (column.IsKey && column.Property is IReadOnlyProperty property)
            {
                for (var i = 0; i < partition.Count; i++)
                {
                    if (ReferenceEquals(partition[i], property))
                    {
                        values[i] = column.Value ?? column.OriginalValue;
                    }
                }
            }
        }

        return new PartitionIdentity(command.Schema, command.TableName, values);
    }
}
