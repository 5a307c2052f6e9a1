using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>
/// Caches one model per context type and configured keyspace: the keyspace becomes the model's default schema (see
/// <see cref="Conventions.CassandraKeyspaceConvention"/>), so contexts of one type on different keyspaces need
/// different models. Everything built from a model (compiled queries, update SQL) follows it.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModelCacheKeyFactory(ModelCacheKeyFactoryDependencies dependencies) : ModelCacheKeyFactory(dependencies)
{
    /// <inheritdoc />
    public override object Create(DbContext context, bool designTime)
        => (base.Create(context, designTime),
            context.GetService<IDbContextOptions>().FindExtension<CassandraOptionsExtension>()?.EffectiveKeyspace);
}
