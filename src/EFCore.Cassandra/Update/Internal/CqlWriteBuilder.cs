using System.Text;

using EntityFrameworkCore.Cassandra.Metadata.Internal;

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
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private Action<StringBuilder, IColumnModification, CqlValueKind>? _appendMarker;
    private Action<StringBuilder, object>? _appendOptionMarker;

    /// <summary>Builds the statement of <paramref name="command"/>, with a USING clause for <paramref name="writeOptions"/>.</summary>
    public virtual CqlWrite Build(IReadOnlyModificationCommand command, CassandraWriteOptions? writeOptions = null)
    {
        _text.Clear();
        _values.Clear();
        var conditional = _writer.Append(
            _text, command, _appendMarker ??= AppendMarker, writeOptions, _appendOptionMarker ??= AppendOptionMarker);
        return new CqlWrite(
            command,
            Text(),
            _values.ToArray(),
            conditional,
            CqlStatementWriter.IsCounterCommand(command),
            Partition(command));
    }

    // Rows of one shape share one text: a SaveChanges of many rows allocates (and the prepared-statement cache hashes)
    // one string per shape, not one per row.
    private string Text()
    {
        ReadOnlySpan<char> span = default;
        var chunks = 0;
        foreach (var chunk in _text.GetChunks())
        {
            span = chunk.Span;
            chunks++;
        }

        if (chunks != 1)
        {
            span = _text.ToString();
        }

        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(span, out var text))
        {
            text = span.ToString();
            _texts.Add(text, text);
        }

        return text;
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

        var entityType = command.Entries[0].EntityType;
        var partition = entityType.GetOrAddRuntimeAnnotationValue(
            CassandraAnnotationNames.PartitionKeyPropertiesCache, static t => t!.GetPartitionKeyProperties(), entityType);
        var values = new object?[partition.Count];
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
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
