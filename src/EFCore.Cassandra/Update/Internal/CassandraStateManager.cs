#pragma warning disable EF1001 // EF's state manager is pubternal; the provider only records the flag it is called with.
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// EF's state manager, recording the <c>acceptAllChangesOnSuccess</c> flag of the running SaveChanges: after a
/// partial failure <see cref="CassandraSaveChangesExecutor"/> accepts the entries that were written only when the
/// caller asked EF to accept changes (with <c>SaveChanges(false)</c> the caller accepts them itself).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraStateManager(StateManagerDependencies dependencies) : StateManager(dependencies)
{
    /// <summary>The flag of the SaveChanges running (or last run) on this context; true when none ran.</summary>
    public virtual bool AcceptAllChangesOnSuccess { get; private set; } = true;

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AcceptAllChangesOnSuccess = acceptAllChangesOnSuccess;
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AcceptAllChangesOnSuccess = acceptAllChangesOnSuccess;
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
