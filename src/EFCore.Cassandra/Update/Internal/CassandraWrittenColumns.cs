using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Decides which column values a statement writes. The SQL generator and the batch that binds parameters both ask
/// here, so the CQL text and its bound values always agree.
/// </summary>
/// <remarks>
/// In Cassandra, writing a null writes a tombstone (a deletion marker that costs reads and compaction), and an INSERT
/// is an upsert of the columns it names: leaving a null column out of the INSERT stores the same row without the
/// tombstone. Protocol v3 has no "unset" value, so leaving the column out is the only way on every server.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraWrittenColumns
{
    /// <summary>The columns whose values the statement for <paramref name="command"/> writes.</summary>
    public static IReadOnlyList<IColumnModification> Writes(IReadOnlyModificationCommand command)
        => command.ColumnModifications.Where(c => c.IsWrite && !IsOmitted(command, c)).ToList();

    /// <summary>The columns that identify the row (the primary key) in an UPDATE or DELETE.</summary>
    public static IReadOnlyList<IColumnModification> Conditions(IReadOnlyModificationCommand command)
        => command.ColumnModifications.Where(c => c.IsCondition).ToList();

    /// <summary>
    /// Whether the value of <paramref name="column"/> is left out of the statement: a null non-key value of an
    /// inserted row.
    /// </summary>
    public static bool IsOmitted(IReadOnlyModificationCommand command, IColumnModification column)
        => command.EntityState == EntityState.Added
            && column.IsWrite
            && !column.IsKey
            && (column.UseCurrentValue ? column.Value : column.OriginalValue) is null;
}
