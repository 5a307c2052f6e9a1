using System.Reflection;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;
using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>
/// Stores each complex property (<c>ComplexProperty(...)</c>, <c>[ComplexType]</c> classes, <c>ComplexCollection(...)</c>)
/// the Cassandra way: as one column of a user-defined type named after its class — the column a
/// <c>[UserDefinedType]</c> class gets — rather than as one column per member. The complex property becomes a property
/// of the class's type whose column type names the user-defined type (<c>frozen&lt;"address"&gt;</c>, or
/// <c>list&lt;frozen&lt;"address"&gt;&gt;</c> for a collection), so writing, reading, change tracking and the
/// <c>CREATE TYPE</c> go through the one user-defined type mapping.
/// </summary>
/// <remarks>
/// It runs first when the model is finalized, so the configuration of the complex type is complete and no
/// later convention sees the per-member columns. A complex property that cannot be stored this way is left as it is,
/// and model validation reports why.
/// </remarks>
/// <param name="dependencies">The convention dependencies.</param>
public class CassandraComplexTypeConvention(ProviderConventionSetBuilderDependencies dependencies) : IModelFinalizingConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var typeMappingSource = (IRelationalTypeMappingSource)dependencies.TypeMappingSource;
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var complexProperty in entityType.GetDeclaredComplexProperties().ToList())
            {
                if (CassandraComplexTypes.FindProblem(complexProperty, typeMappingSource) is null)
                {
                    ToUserDefinedTypeColumn(entityType, complexProperty);
                }
            }
        }
    }

    /// <summary>Replaces the complex property with a property of the same member stored as a user-defined type.</summary>
    protected virtual void ToUserDefinedTypeColumn(IConventionEntityType entityType, IConventionComplexProperty complexProperty)
    {
        var name = complexProperty.Name;
        var member = complexProperty.PropertyInfo ?? (MemberInfo?)complexProperty.FieldInfo;
        var storeType = CassandraComplexTypes.StoreType(complexProperty);
        var required = !complexProperty.IsNullable;

        entityType.RemoveComplexProperty(complexProperty);
        var property = member is null
            ? entityType.Builder.Property(complexProperty.ClrType, name)
            : entityType.Builder.Property(member);
        if (property is null)
        {
            throw new InvalidOperationException(CassandraStrings.ComplexPropertyNotStored(entityType.DisplayName(), name, storeType));
        }

        property.HasColumnType(storeType);
        property.IsRequired(required);
    }
}
