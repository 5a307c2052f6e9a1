using System.Text;

using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Writes one CQL statement per modification: <c>INSERT INTO "ks"."t" ("a", "b") VALUES (:p0, :p1)</c>,
/// <c>UPDATE "ks"."t" SET "b" = :p0 WHERE "id" = :p1</c>, <c>DELETE FROM "ks"."t" WHERE "id" = :p0</c>.
/// </summary>
/// <remarks>
/// CQL reports no affected rows and returns nothing from a write, so no statement reads a result
/// (<see cref="ResultSetMapping.NoResults"/>); null values of inserted rows are left out (see
/// <see cref="CassandraWrittenColumns"/>). Statements carry no terminator: each is sent on its own.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraUpdateSqlGenerator(UpdateSqlGeneratorDependencies dependencies) : UpdateSqlGenerator(dependencies)
{
    /// <inheritdoc />
    public override ResultSetMapping AppendInsertOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
    {
        requiresTransaction = false;
        var writes = CassandraWrittenColumns.Writes(command);

        commandStringBuilder.Append("INSERT INTO ");
        SqlGenerationHelper.DelimitIdentifier(commandStringBuilder, command.TableName, command.Schema);
        commandStringBuilder.Append(" (");
        AppendJoined(commandStringBuilder, writes, (b, c) => SqlGenerationHelper.DelimitIdentifier(b, c.ColumnName));
        commandStringBuilder.Append(") VALUES (");
        AppendJoined(commandStringBuilder, writes, AppendCurrentValue);
        commandStringBuilder.Append(')');

        return ResultSetMapping.NoResults;
    }

    /// <inheritdoc />
    public override ResultSetMapping AppendUpdateOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
    {
        requiresTransaction = false;

        commandStringBuilder.Append("UPDATE ");
        SqlGenerationHelper.DelimitIdentifier(commandStringBuilder, command.TableName, command.Schema);
        commandStringBuilder.Append(" SET ");
        AppendJoined(
            commandStringBuilder,
            CassandraWrittenColumns.Writes(command),
            (b, c) =>
            {
                SqlGenerationHelper.DelimitIdentifier(b, c.ColumnName);
                b.Append(" = ");
                AppendCurrentValue(b, c);
            });
        AppendCqlWhereClause(commandStringBuilder, command);

        return ResultSetMapping.NoResults;
    }

    /// <inheritdoc />
    public override ResultSetMapping AppendDeleteOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
    {
        requiresTransaction = false;

        commandStringBuilder.Append("DELETE FROM ");
        SqlGenerationHelper.DelimitIdentifier(commandStringBuilder, command.TableName, command.Schema);
        AppendCqlWhereClause(commandStringBuilder, command);

        return ResultSetMapping.NoResults;
    }

    /// <summary>CQL writes no batch header.</summary>
    /// <inheritdoc />
    public override void AppendBatchHeader(StringBuilder commandStringBuilder)
    {
    }

    /// <summary>Appends <c> WHERE "k1" = :p1 AND "k2" = :p2</c> over the key columns of the row.</summary>
    protected virtual void AppendCqlWhereClause(StringBuilder commandStringBuilder, IReadOnlyModificationCommand command)
    {
        commandStringBuilder.Append(" WHERE ");
        var first = true;
        foreach (var condition in CassandraWrittenColumns.Conditions(command))
        {
            if (!first)
            {
                commandStringBuilder.Append(" AND ");
            }

            first = false;
            SqlGenerationHelper.DelimitIdentifier(commandStringBuilder, condition.ColumnName);
            commandStringBuilder.Append(" = ");
            if (condition.UseOriginalValueParameter)
            {
                SqlGenerationHelper.GenerateParameterNamePlaceholder(commandStringBuilder, condition.OriginalParameterName!);
            }
            else if (condition.UseCurrentValueParameter)
            {
                SqlGenerationHelper.GenerateParameterNamePlaceholder(commandStringBuilder, condition.ParameterName!);
            }
            else
            {
                commandStringBuilder.Append(
                    condition.TypeMapping!.GenerateProviderValueSqlLiteral(
                        condition.UseOriginalValue ? condition.OriginalValue : condition.Value));
            }
        }
    }

    // A value is a bound marker when EF binds one (SaveChanges), a literal otherwise (seed data in migrations).
    private void AppendCurrentValue(StringBuilder builder, IColumnModification column)
    {
        if (column.UseCurrentValueParameter)
        {
            SqlGenerationHelper.GenerateParameterNamePlaceholder(builder, column.ParameterName!);
        }
        else
        {
            builder.Append(column.TypeMapping!.GenerateProviderValueSqlLiteral(column.Value));
        }
    }

    private static void AppendJoined(
        StringBuilder builder,
        IReadOnlyList<IColumnModification> columns,
        Action<StringBuilder, IColumnModification> append)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            append(builder, columns[i]);
        }
    }
}
