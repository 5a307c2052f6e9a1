using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Collects the modifications of a SaveChanges. It takes every command offered: the statements are run together by
/// <see cref="CassandraSaveChangesExecutor"/>, concurrently, grouped per partition, without a transaction.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModificationCommandBatch(CassandraSaveChangesExecutor executor) : ModificationCommandBatch
{
    private readonly List<IReadOnlyModificationCommand> _commands = [];
    private bool _moreBatchesExpected;

    /// <inheritdoc />
    public override IReadOnlyList<IReadOnlyModificationCommand> ModificationCommands => _commands;

    /// <inheritdoc />
    public override bool RequiresTransaction => false;

    /// <inheritdoc />
    public override bool AreMoreBatchesExpected => _moreBatchesExpected;

    /// <inheritdoc />
    public override bool TryAddCommand(IReadOnlyModificationCommand modificationCommand)
    {
        _commands.Add(modificationCommand);
        return true;
    }

    /// <inheritdoc />
    public override void Complete(bool moreBatchesExpected) => _moreBatchesExpected = moreBatchesExpected;

    /// <inheritdoc />
    public override void Execute(IRelationalConnection connection) => executor.Execute(_commands, connection);

    /// <inheritdoc />
    public override Task ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken = default)
        => executor.ExecuteAsync(_commands, connection, cancellationToken);
}
