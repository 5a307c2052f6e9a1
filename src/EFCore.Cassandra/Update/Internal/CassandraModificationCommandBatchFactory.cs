using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>Creates <see cref="CassandraModificationCommandBatch"/>es.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModificationCommandBatchFactory(CassandraSaveChangesExecutor executor) : IModificationCommandBatchFactory
{
    /// <inheritdoc />
    public virtual ModificationCommandBatch Create() => new CassandraModificationCommandBatch(executor);
}
