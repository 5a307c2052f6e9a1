using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// One CQL statement for one modification. CQL has no multi-statement commands (only BATCH, which a later version
/// uses for statements of one partition), so each batch holds exactly one command and executes it as a non-query.
/// </summary>
/// <remarks>
/// Cassandra reports no affected rows, so nothing is read back and nothing is checked: the statement either succeeds
/// or raises, and a failure becomes a <see cref="DbUpdateException"/> naming this batch's entries.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModificationCommandBatch(ModificationCommandBatchFactoryDependencies dependencies)
    : ReaderModificationCommandBatch(dependencies, maxBatchSize: 1)
{
    /// <summary>Binds only the values the statement writes (see <see cref="CassandraWrittenColumns"/>).</summary>
    /// <inheritdoc />
    protected override void AddParameters(IReadOnlyModificationCommand modificationCommand)
    {
        foreach (var columnModification in modificationCommand.ColumnModifications)
        {
            if (!CassandraWrittenColumns.IsOmitted(modificationCommand, columnModification))
            {
                AddParameter(columnModification);
            }
        }
    }

    /// <inheritdoc />
    public override void Execute(IRelationalConnection connection)
    {
        try
        {
            StoreCommand!.RelationalCommand.ExecuteNonQuery(CreateParameterObject(connection));
        }
        catch (Exception ex) when (ex is not DbUpdateException and not OperationCanceledException)
        {
            throw WrapFailure(ex);
        }
    }

    /// <inheritdoc />
    public override async Task ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken = default)
    {
        try
        {
            await StoreCommand!.RelationalCommand.ExecuteNonQueryAsync(CreateParameterObject(connection), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DbUpdateException and not OperationCanceledException)
        {
            throw WrapFailure(ex);
        }
    }

    /// <summary>Nothing to read: CQL writes return no rows (lightweight transactions will, in a later version).</summary>
    /// <inheritdoc />
    protected override void Consume(RelationalDataReader reader)
    {
    }

    /// <inheritdoc />
    protected override Task ConsumeAsync(RelationalDataReader reader, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    private RelationalCommandParameterObject CreateParameterObject(IRelationalConnection connection)
        => new(
            connection,
            StoreCommand!.ParameterValues,
            null,
            Dependencies.CurrentContext.Context,
            Dependencies.Logger,
            CommandSource.SaveChanges);

    private DbUpdateException WrapFailure(Exception ex)
        => new(RelationalStrings.UpdateStoreException, ex, ModificationCommands.SelectMany(c => c.Entries).ToList());
}
