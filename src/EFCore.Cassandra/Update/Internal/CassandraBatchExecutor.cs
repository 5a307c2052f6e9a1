using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Runs every modification of a SaveChanges as one concurrent run (see <see cref="CassandraSaveChangesExecutor"/>),
/// whatever batches EF's preparer formed, and without a transaction (Cassandra has none).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraBatchExecutor(CassandraSaveChangesExecutor executor) : IBatchExecutor
{
    /// <inheritdoc />
    public virtual int Execute(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection)
    {
        var commands = commandBatches.SelectMany(b => b.ModificationCommands).ToList();
        return commands.Count == 0 ? 0 : executor.Execute(commands, connection);
    }

    /// <inheritdoc />
    public virtual Task<int> ExecuteAsync(
        IEnumerable<ModificationCommandBatch> commandBatches,
        IRelationalConnection connection,
        CancellationToken cancellationToken = default)
    {
        var commands = commandBatches.SelectMany(b => b.ModificationCommands).ToList();
        return commands.Count == 0 ? Task.FromResult(0) : executor.ExecuteAsync(commands, connection, cancellationToken);
    }
}
