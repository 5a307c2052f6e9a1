using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Runs the statements of a SaveChanges one after another on one open connection, without a transaction (Cassandra
/// has none; EF's default executor would begin one for more than one statement).
/// </summary>
/// <remarks>
/// A later version runs them through the driver's concurrent executor and reports partial failures per entry.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraBatchExecutor : IBatchExecutor
{
    /// <inheritdoc />
    public virtual int Execute(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection)
    {
        var written = 0;
        connection.Open();
        try
        {
            foreach (var batch in commandBatches)
            {
                batch.Execute(connection);
                written += batch.ModificationCommands.Count;
            }
        }
        finally
        {
            connection.Close();
        }

        return written;
    }

    /// <inheritdoc />
    public virtual async Task<int> ExecuteAsync(
        IEnumerable<ModificationCommandBatch> commandBatches,
        IRelationalConnection connection,
        CancellationToken cancellationToken = default)
    {
        var written = 0;
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var batch in commandBatches)
            {
                await batch.ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
                written += batch.ModificationCommands.Count;
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        return written;
    }
}
