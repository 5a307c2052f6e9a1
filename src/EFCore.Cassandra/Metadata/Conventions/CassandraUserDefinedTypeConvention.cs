using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>
/// Records the fields of every user-defined type the tables use (<c>[UserDefinedType]</c> classes, complex
/// properties, nested types) as model annotations, so that a migration snapshot holds them as plain values and the
/// next migration sees a field added to a class (<c>ALTER TYPE ... ADD</c>).
/// </summary>
/// <remarks>It runs last when the model is finalized, when every property has its type mapping.</remarks>
/// <param name="dependencies">The convention dependencies.</param>
public class CassandraUserDefinedTypeConvention(ProviderConventionSetBuilderDependencies dependencies) : IModelFinalizingConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var typeMappingSource = (IRelationalTypeMappingSource)dependencies.TypeMappingSource;
        var columns = modelBuilder.Metadata.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => (
                e.GetSchema(),
                p.FindTypeMapping() as RelationalTypeMapping ?? typeMappingSource.FindMapping(p.ClrType, p.GetColumnType()))));
        foreach (var type in CassandraUserDefinedTypes.Collect(columns))
        {
            // Set, not HasAnnotation: the classes are the truth, even over a definition written by hand.
            modelBuilder.Metadata.SetAnnotation(
                CassandraUserDefinedTypes.AnnotationName(type.Keyspace, type.Name),
                CassandraUserDefinedTypes.FormatFields(type.Fields));
        }
    }
}
