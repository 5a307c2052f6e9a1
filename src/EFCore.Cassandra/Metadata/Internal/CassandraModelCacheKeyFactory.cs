using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>
/// Caches one model per context type, configured keyspace and configured server version: the keyspace becomes the
/// model's default schema (see <see cref="Conventions.CassandraKeyspaceConvention"/>), so contexts of one type on
/// different keyspaces need different models. Everything built from a model follows it, among them the queries of
/// <c>EF.CompileQuery</c>/<c>EF.CompileAsyncQuery</c>, which are translated once for the first context's server
/// version and refuse a context with another model; a separate model per configured version makes them refuse a
/// context configured for another version rather than run a translation made for the first. The version detected
/// from a connection is not part of the key: it is unknown until a session connects, and a model that changed then
/// would break every compiled query used before and after.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModelCacheKeyFactory(ModelCacheKeyFactoryDependencies dependencies) : ModelCacheKeyFactory(dependencies)
{
    /// <inheritdoc />
    public override object Create(DbContext context, bool designTime)
    {
        var extension = context.GetService<IDbContextOptions>().FindExtension<CassandraOptionsExtension>();
        return (base.Create(context, designTime), extension?.EffectiveKeyspace, extension?.ServerVersion);
    }
}
