using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>The relational conventions, adjusted for Cassandra (keyspace, value generation, complex types as user-defined types, user-defined types recorded for migrations).</summary>
/// <remarks>
/// The convention set is built per context scope, so the configured keyspace is read from this context's options;
/// the model cache key includes the keyspace (see <see cref="Internal.CassandraModelCacheKeyFactory"/>).
/// </remarks>
public class CassandraConventionSetBuilder(
    ProviderConventionSetBuilderDependencies dependencies,
    RelationalConventionSetBuilderDependencies relationalDependencies,
    IDbContextOptions options)
    : RelationalConventionSetBuilder(dependencies, relationalDependencies)
{
    /// <inheritdoc />
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();

        conventionSet.Replace<ValueGenerationConvention>(
            new CassandraValueGenerationConvention(Dependencies, RelationalDependencies));
        conventionSet.Add(
            new CassandraKeyspaceConvention(options.FindExtension<CassandraOptionsExtension>()?.EffectiveKeyspace));
        conventionSet.Add(new PartitionKeyAttributeConvention(Dependencies));
        conventionSet.Add(new ClusteringOrderAttributeConvention(Dependencies));
        conventionSet.Add(new StaticColumnAttributeConvention(Dependencies));
        conventionSet.Add(new CounterColumnAttributeConvention(Dependencies));

        // First of the finalizing conventions: the others must see the user-defined type column, not per-member columns.
        conventionSet.ModelFinalizingConventions.Insert(0, new CassandraComplexTypeConvention(Dependencies));

        // Last: it reads the type mappings the other finalizing conventions settle.
        conventionSet.ModelFinalizingConventions.Add(new CassandraUserDefinedTypeConvention(Dependencies));

        return conventionSet;
    }
}
