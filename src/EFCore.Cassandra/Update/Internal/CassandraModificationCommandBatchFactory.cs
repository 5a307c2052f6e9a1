using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>Creates <see cref="CassandraModificationCommandBatch"/>es.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModificationCommandBatchFactory(ModificationCommandBatchFactoryDependencies dependencies)
    : IModificationCommandBatchFactory
{
    /// <summary>The dependencies handed to every batch.</summary>
    protected virtual ModificationCommandBatchFactoryDependencies Dependencies { get; } = dependencies;

    /// <inheritdoc />
    public virtual ModificationCommandBatch Create() => new CassandraModificationCommandBatch(Dependencies);
}
