using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// What the connection hands EF's migrator when it asks for a transaction around a migration: nothing to commit or roll
/// back. Every migration command is sent on its own (CQL DDL is never transactional); a migration that fails half way
/// is resumed by applying it again, which the provider's DDL (<c>IF NOT EXISTS</c> where CQL has it) allows.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CassandraMigrationTransaction : IDbContextTransaction
{
    /// <inheritdoc />
    public Guid TransactionId { get; } = Guid.NewGuid();

    /// <summary>Does nothing: the commands already took effect one by one.</summary>
    public void Commit()
    {
    }

    /// <summary>Does nothing: the commands already took effect one by one.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Does nothing: CQL cannot undo DDL; the migration is resumed by applying it again.</summary>
    public void Rollback()
    {
    }

    /// <summary>Does nothing: CQL cannot undo DDL; the migration is resumed by applying it again.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
