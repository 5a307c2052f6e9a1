#pragma warning disable EF1001 // EF's batch preparer is pubternal; the provider only skips its ordering step.
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Update.Internal;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// EF's batch preparer without its topological sort. The sort orders commands so that a relational store's foreign
/// key and unique constraints hold at every step; Cassandra enforces neither, and
/// <see cref="CassandraSaveChangesExecutor"/> sends all the statements of a SaveChanges concurrently anyway, so the
/// order could not be kept. Skipping it saves a graph of every command (about a fifth of SaveChanges' work for
/// thousands of added rows).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraCommandBatchPreparer(CommandBatchPreparerDependencies dependencies) : CommandBatchPreparer(dependencies)
{
    /// <inheritdoc />
    public override IReadOnlyList<List<IReadOnlyModificationCommand>> TopologicalSort(IEnumerable<IReadOnlyModificationCommand> commands)
        => [commands.ToList()];
}
