using System.Text;

using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// EF's update SQL generator, for the callers that print statements as text (seed data in migration scripts): the
/// statement comes from <see cref="CqlStatementWriter"/> with values printed as literals, or as EF's parameter
/// placeholders where EF binds them. SaveChanges builds its statements itself (see
/// <see cref="CassandraSaveChangesExecutor"/>), with bind markers numbered per statement.
/// </summary>
/// <remarks>
/// CQL reports no affected rows and returns nothing from a write, so no statement reads a result
/// (<see cref="ResultSetMapping.NoResults"/>). Statements carry no terminator: each is sent on its own.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraUpdateSqlGenerator(UpdateSqlGeneratorDependencies dependencies) : UpdateSqlGenerator(dependencies)
{
    private readonly CqlStatementWriter _writer = new(dependencies.SqlGenerationHelper);

    /// <inheritdoc />
    public override ResultSetMapping AppendInsertOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
        => Append(commandStringBuilder, command, out requiresTransaction);

    /// <inheritdoc />
    public override ResultSetMapping AppendUpdateOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
        => Append(commandStringBuilder, command, out requiresTransaction);

    /// <inheritdoc />
    public override ResultSetMapping AppendDeleteOperation(
        StringBuilder commandStringBuilder,
        IReadOnlyModificationCommand command,
        int commandPosition,
        out bool requiresTransaction)
        => Append(commandStringBuilder, command, out requiresTransaction);

    /// <summary>CQL writes no batch header.</summary>
    /// <inheritdoc />
    public override void AppendBatchHeader(StringBuilder commandStringBuilder)
    {
    }

    private ResultSetMapping Append(StringBuilder builder, IReadOnlyModificationCommand command, out bool requiresTransaction)
    {
        requiresTransaction = false;
        _writer.Append(builder, command, AppendValue);
        return ResultSetMapping.NoResults;
    }

    // A bound marker where EF binds a parameter, a literal otherwise (seed data in migrations).
    private void AppendValue(StringBuilder builder, IColumnModification column, CqlValueKind kind)
    {
        if (kind == CqlValueKind.Original ? column.UseOriginalValueParameter : column.UseCurrentValueParameter)
        {
            SqlGenerationHelper.GenerateParameterNamePlaceholder(
                builder, kind == CqlValueKind.Original ? column.OriginalParameterName! : column.ParameterName!);
        }
        else
        {
            builder.Append(column.TypeMapping!.GenerateProviderValueSqlLiteral(kind == CqlValueKind.Original ? column.OriginalValue : column.Value));
        }
    }
}
