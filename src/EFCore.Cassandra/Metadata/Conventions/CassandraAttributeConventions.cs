using System.Reflection;

using EntityFrameworkCore.Cassandra.Metadata.Attributes;
using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>Applies <see cref="PartitionKeyAttribute"/>: the property's position in the partition key.</summary>
public class PartitionKeyAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<PartitionKeyAttribute>(dependencies)
{
    /// <inheritdoc />
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        PartitionKeyAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
        => propertyBuilder.HasAnnotation(CassandraAnnotationNames.PartitionKeyOrder, attribute.Order, fromDataAnnotation: true);
}

/// <summary>Applies <see cref="ClusteringOrderAttribute"/>.</summary>
public class ClusteringOrderAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<ClusteringOrderAttribute>(dependencies)
{
    /// <inheritdoc />
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        ClusteringOrderAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
        => propertyBuilder.HasAnnotation(CassandraAnnotationNames.ClusteringOrder, attribute.Order, fromDataAnnotation: true);
}

/// <summary>Applies <see cref="StaticColumnAttribute"/>.</summary>
public class StaticColumnAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<StaticColumnAttribute>(dependencies)
{
    /// <inheritdoc />
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        StaticColumnAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
        => propertyBuilder.HasAnnotation(CassandraAnnotationNames.Static, true, fromDataAnnotation: true);
}

/// <summary>Applies <see cref="CounterColumnAttribute"/>: the column type becomes <c>counter</c>.</summary>
public class CounterColumnAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<CounterColumnAttribute>(dependencies)
{
    /// <inheritdoc />
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        CounterColumnAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
        => propertyBuilder.HasColumnType("counter", fromDataAnnotation: true);
}
