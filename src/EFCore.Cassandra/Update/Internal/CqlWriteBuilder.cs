using System.Collections.Concurrent;
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
    private IEntityType? _shapesOf;
    private ConcurrentDictionary<long, InsertShape>? _shapes;
    private IReadOnlyModificationCommand? _recordingFor;
    private List<int>? _recordedColumns;

    /// <summary>Builds the statement of <paramref name="command"/>, with a USING clause for <paramref name="writeOptions"/>.</summary>
    public virtual CqlWrite Build(IReadOnlyModificationCommand command, CassandraWriteOptions? writeOptions = null)
    {
        // Added rows of one entity type that write the same columns have one INSERT: the writer runs for the first of
        // them, recording which column each marker binds, and the others only read their values in that order. The
        // shapes are kept on the entity type (they depend on the model only), so a SaveChanges of one entity reuses
        // the INSERT of the previous one.
        var shapeKey = writeOptions is null ? InsertShapeKey(command) : null;
        var shapes = shapeKey is { } typed ? InsertShapes(typed.EntityType) : null;
        if (shapeKey is { } key && shapes!.TryGetValue(key.Written, out var shape))
        {
            var values = new object?[shape.Columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var column = command.ColumnModifications[shape.Columns[i]];
                values[i] = ToProvider(column, column.Value);
            }

            return new CqlWrite(command, shape.Text, values, shape.IsConditional, false, Partition(command));
        }

        _text.Clear();
        _values.Clear();
        _recordingFor = shapeKey is null ? null : command;
        _recordedColumns = shapeKey is null ? null : [];
        var conditional = _writer.Append(
            _text, command, _appendMarker ??= AppendMarker, writeOptions, _appendOptionMarker ??= AppendOptionMarker);
        var write = new CqlWrite(
            command,
            Text(),
            _values.ToArray(),
            conditional,
            CqlStatementWriter.IsCounterCommand(command),
            Partition(command));
        if (shapeKey is { } newKey && _recordedColumns is { } columns && shapes!.Count < MaxInsertShapesPerEntityType)
        {
            shapes.TryAdd(newKey.Written, new InsertShape(write.Text, [.. columns], conditional));
        }

        _recordingFor = null;
        _recordedColumns = null;
        return write;
    }

    // Each combination of null columns is a shape of its own: past this many an entity type's rows are written afresh.
    private const int MaxInsertShapesPerEntityType = 256;

    // The shapes of the entity type of the previous row: rows of a SaveChanges come grouped by type, so the runtime
    // annotation is looked up once per run of rows, not per row.
    private ConcurrentDictionary<long, InsertShape> InsertShapes(IEntityType entityType)
    {
        if (!ReferenceEquals(entityType, _shapesOf))
        {
            _shapes = entityType.GetOrAddRuntimeAnnotationValue(
                CassandraAnnotationNames.InsertShapesCache, static _ => new ConcurrentDictionary<long, InsertShape>(), (object?)null);
            _shapesOf = entityType;
        }

        return _shapes!;
    }

    // The shape of an added row's INSERT: its entity type and which columns it writes (a null non-key value is left
    // out, CqlStatementWriter.IsOmitted). Null when the statement is not a plain INSERT: counters (an UPDATE), more
    // than 64 columns, no entry.
    private static (IEntityType EntityType, long Written)? InsertShapeKey(IReadOnlyModificationCommand command)
    {
        var columns = command.ColumnModifications;
        if (command.EntityState != EntityState.Added || command.Entries.Count == 0 || columns.Count > 64)
        {
            return null;
        }

        var written = 0L;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (CqlStatementWriter.IsCounter(column))
            {
                return null;
            }

            if (column.IsWrite && !CqlStatementWriter.IsOmitted(command, column))
            {
                written |= 1L << c;
            }
        }

        return (command.Entries[0].EntityType, written);
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
        if (_recordedColumns is { } recorded)
        {
            var index = kind == CqlValueKind.Current ? IndexOf(_recordingFor!.ColumnModifications, column) : -1;
            if (index < 0)
            {
                // Not a plain current value: this statement's shape is not cached.
                _recordedColumns = null;
            }
            else
            {
                recorded.Add(index);
            }
        }

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
        _recordedColumns = null;
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

    private static int IndexOf(IReadOnlyList<IColumnModification> columns, IColumnModification column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (ReferenceEquals(columns[i], column))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record InsertShape(string Text, int[] Columns, bool IsConditional);
}
