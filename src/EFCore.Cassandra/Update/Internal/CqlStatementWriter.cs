using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Writes the one CQL statement of a modification, appending each value through a callback (a bind marker at run
/// time, a literal in scripts), so the text and its values always agree:
/// <list type="bullet">
/// <item><c>INSERT INTO "ks"."t" ("a", "b") VALUES (v, v) [IF NOT EXISTS]</c> — null values of the added row left out;</item>
/// <item><c>UPDATE "ks"."t" SET "b" = v, "c" = "c" + v WHERE "k" = v [IF "token" = v]</c> — counters as increments, and
/// an added row of a counter table as an UPDATE (counters are never inserted);</item>
/// <item><c>DELETE FROM "ks"."t" WHERE "k" = v [IF "token" = v]</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlStatementWriter(ISqlGenerationHelper sqlGenerationHelper)
{
    /// <summary>
    /// Appends the statement of <paramref name="command"/>; returns whether it is a lightweight transaction. With
    /// <paramref name="writeOptions"/>, a <c>USING TTL … AND TIMESTAMP …</c> clause is written, its values appended
    /// through <paramref name="appendOptionValue"/>.
    /// </summary>
    public virtual bool Append(
        StringBuilder builder,
        IReadOnlyModificationCommand command,
        Action<StringBuilder, IColumnModification, CqlValueKind> appendValue,
        CassandraWriteOptions? writeOptions = null,
        Action<StringBuilder, object>? appendOptionValue = null)
    {
        var options = Validate(command, writeOptions);
        var using_ = options is null ? null : (Action<StringBuilder, bool>)((b, ttl) => AppendUsing(b, options, ttl, appendOptionValue!));
        return command.EntityState switch
        {
            EntityState.Added when IsCounterCommand(command) => AppendUpdate(builder, command, appendValue, using_, null),
            EntityState.Added => AppendInsert(builder, command, appendValue, using_),
            EntityState.Modified => AppendUpdate(builder, command, appendValue, using_, appendOptionValue),
            EntityState.Deleted => AppendDelete(builder, command, appendValue, using_),
            _ => throw new InvalidOperationException($"An entry in state {command.EntityState} has no statement."),
        };
    }

    // Write options Cassandra would refuse fail here, naming the entity, rather than as a server error.
    private static CassandraWriteOptions? Validate(IReadOnlyModificationCommand command, CassandraWriteOptions? options)
    {
        if (options is null || (options.TimeToLive is null && options.Timestamp is null)
            || (command.EntityState == EntityState.Deleted && options.Timestamp is null))
        {
            return null;
        }

        var name = command.Entries.Count > 0 ? command.Entries[0].EntityType.DisplayName() : command.TableName;
        if (IsCounterCommand(command))
        {
            throw new InvalidOperationException(
                $"The '{name}' entity writes counter columns, which Cassandra updates without a TTL or write timestamp. Save it without CassandraWriteOptions.");
        }

        if (options.Timestamp is not null && (InsertsIfNotExists(command) || command.ColumnModifications.Any(c => c.IsCondition && !c.IsKey)))
        {
            throw new InvalidOperationException(
                $"The '{name}' entity is written with a lightweight transaction (a concurrency token or IF NOT EXISTS), whose timestamp Cassandra assigns itself. Save it without a write Timestamp.");
        }

        return options;
    }

    private static void AppendUsing(StringBuilder builder, CassandraWriteOptions options, bool withTimeToLive, Action<StringBuilder, object> appendOptionValue)
    {
        var first = true;
        if (withTimeToLive && options.TimeToLiveSeconds is { } ttl)
        {
            builder.Append(" USING TTL ");
            appendOptionValue(builder, ttl);
            first = false;
        }

        if (options.TimestampMicroseconds is { } timestamp)
        {
            builder.Append(first ? " USING TIMESTAMP " : " AND TIMESTAMP ");
            appendOptionValue(builder, timestamp);
        }
    }

    /// <summary>Whether the command writes a counter (and so must be an UPDATE, alone, and is not idempotent).</summary>
    public static bool IsCounterCommand(IReadOnlyModificationCommand command)
    {
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (IsCounter(column))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the column is a counter.</summary>
    public static bool IsCounter(IColumnModification column)
        => string.Equals(column.TypeMapping?.StoreType, "counter", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the added rows of the command's entity type are inserted with IF NOT EXISTS.</summary>
    public static bool InsertsIfNotExists(IReadOnlyModificationCommand command)
        => command.EntityState == EntityState.Added
            && command.Entries.Count > 0
            && command.Entries[0].EntityType.GetInsertIfNotExists();

    /// <summary>
    /// Whether <paramref name="column"/> is left out of the statement: a null non-key value of an inserted row (writing
    /// it would write a tombstone).
    /// </summary>
    public static bool IsOmitted(IReadOnlyModificationCommand command, IColumnModification column)
        => command.EntityState == EntityState.Added
            && column.IsWrite
            && !column.IsKey
            && !IsCounter(column) // a null counter of an added row is an increment by 0, so the UPDATE has a SET
            && (column.UseCurrentValue ? column.Value : column.OriginalValue) is null;

    private bool AppendInsert(
        StringBuilder builder, IReadOnlyModificationCommand command, Action<StringBuilder, IColumnModification, CqlValueKind> appendValue, Action<StringBuilder, bool>? appendUsing)
    {
        builder.Append("INSERT INTO ");
        sqlGenerationHelper.DelimitIdentifier(builder, command.TableName, command.Schema);
        builder.Append(" (");
        var first = true;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (column.IsWrite && !IsOmitted(command, column))
            {
                builder.Append(first ? "" : ", ");
                sqlGenerationHelper.DelimitIdentifier(builder, column.ColumnName);
                first = false;
            }
        }

        builder.Append(") VALUES (");
        first = true;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (column.IsWrite && !IsOmitted(command, column))
            {
                builder.Append(first ? "" : ", ");
                appendValue(builder, column, CqlValueKind.Current);
                first = false;
            }
        }

        builder.Append(')');
        var conditional = InsertsIfNotExists(command);
        if (conditional)
        {
            builder.Append(" IF NOT EXISTS");
        }

        appendUsing?.Invoke(builder, true);
        return conditional;
    }

    private bool AppendUpdate(
        StringBuilder builder,
        IReadOnlyModificationCommand command,
        Action<StringBuilder, IColumnModification, CqlValueKind> appendValue,
        Action<StringBuilder, bool>? appendUsing,
        Action<StringBuilder, object>? appendRawValue)
    {
        var added = command.EntityState == EntityState.Added;
        builder.Append("UPDATE ");
        sqlGenerationHelper.DelimitIdentifier(builder, command.TableName, command.Schema);
        appendUsing?.Invoke(builder, true);
        builder.Append(" SET ");
        var first = true;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (!column.IsWrite || (added && (column.IsKey || IsOmitted(command, column))))
            {
                continue;
            }

            if (appendRawValue is not null && !added && column.Property?.UsesIncrementalCollectionUpdates() == true
                && CollectionChange.Compute(column.TypeMapping?.StoreType, column.OriginalValue, column.Value, column.TypeMapping?.Converter)
                    is { IsEmpty: false } change)
            {
                first = AppendCollectionChange(builder, column.ColumnName, change, first, appendRawValue);
                continue;
            }

            builder.Append(first ? "" : ", ");
            first = false;
            sqlGenerationHelper.DelimitIdentifier(builder, column.ColumnName);
            builder.Append(" = ");
            if (IsCounter(column))
            {
                sqlGenerationHelper.DelimitIdentifier(builder, column.ColumnName);
                builder.Append(" + ");
                appendValue(builder, column, CqlValueKind.CounterDelta);
            }
            else
            {
                appendValue(builder, column, CqlValueKind.Current);
            }
        }

        return AppendWhere(builder, command, appendValue, keysFromWrites: added, partitionOnly: WritesOnlyStaticColumns(command));
    }

    // s = s + {added}, s = s - {removed}; m = m + {entries}, m[key] = null; l = l + [tail]. Returns whether nothing was written yet.
    private bool AppendCollectionChange(StringBuilder builder, string columnName, CollectionChange change, bool first, Action<StringBuilder, object> appendRawValue)
    {
        void Assign(string op, object value)
        {
            builder.Append(first ? "" : ", ");
            first = false;
            sqlGenerationHelper.DelimitIdentifier(builder, columnName);
            builder.Append(" = ");
            sqlGenerationHelper.DelimitIdentifier(builder, columnName);
            builder.Append(op);
            appendRawValue(builder, value);
        }

        if (change.Added is { } added)
        {
            Assign(" + ", added);
        }

        if (change.Kind == CollectionChange.Shape.Set && change.Removed.Count > 0)
        {
            Assign(" - ", change.Removed);
        }

        if (change.Kind == CollectionChange.Shape.Map)
        {
            // Cassandra 2.1.0 has no "m = m - {keys}": an element set to null is deleted.
            foreach (var key in change.Removed)
            {
                builder.Append(first ? "" : ", ");
                first = false;
                sqlGenerationHelper.DelimitIdentifier(builder, columnName);
                builder.Append('[');
                appendRawValue(builder, key);
                builder.Append("] = null");
            }
        }

        return first;
    }

    // An UPDATE of static columns alone names its partition only (Cassandra rejects clustering restrictions there).
    private static bool WritesOnlyStaticColumns(IReadOnlyModificationCommand command)
    {
        var any = false;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (column.IsWrite && !column.IsKey)
            {
                if (column.Property?.IsStaticColumn() != true)
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private bool AppendDelete(
        StringBuilder builder, IReadOnlyModificationCommand command, Action<StringBuilder, IColumnModification, CqlValueKind> appendValue, Action<StringBuilder, bool>? appendUsing)
    {
        builder.Append("DELETE FROM ");
        sqlGenerationHelper.DelimitIdentifier(builder, command.TableName, command.Schema);
        appendUsing?.Invoke(builder, false);
        return AppendWhere(builder, command, appendValue, keysFromWrites: false, partitionOnly: false);
    }

    // WHERE over the key columns, then IF over the concurrency tokens (a lightweight transaction).
    private bool AppendWhere(
        StringBuilder builder,
        IReadOnlyModificationCommand command,
        Action<StringBuilder, IColumnModification, CqlValueKind> appendValue,
        bool keysFromWrites,
        bool partitionOnly)
    {
        builder.Append(" WHERE ");
        var first = true;
        var partition = partitionOnly && command.Entries.Count > 0 ? command.Entries[0].EntityType.GetPartitionKeyProperties() : null;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (column.IsKey && (keysFromWrites ? column.IsWrite : column.IsCondition)
                && (partition is null || (column.Property is { } property && partition.Contains(property))))
            {
                builder.Append(first ? "" : " AND ");
                first = false;
                sqlGenerationHelper.DelimitIdentifier(builder, column.ColumnName);
                builder.Append(" = ");
                appendValue(builder, column, column.UseOriginalValueParameter || (column.UseOriginalValue && !column.UseCurrentValue) ? CqlValueKind.Original : CqlValueKind.Current);
            }
        }

        first = true;
        for (var c = 0; c < command.ColumnModifications.Count; c++)
        {
            var column = command.ColumnModifications[c];
            if (column.IsCondition && !column.IsKey)
            {
                builder.Append(first ? " IF " : " AND ");
                first = false;
                sqlGenerationHelper.DelimitIdentifier(builder, column.ColumnName);
                builder.Append(" = ");
                appendValue(builder, column, CqlValueKind.Original);
            }
        }

        return !first;
    }
}
