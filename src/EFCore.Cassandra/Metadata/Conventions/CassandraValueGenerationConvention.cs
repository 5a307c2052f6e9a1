using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>
/// Marks key properties as generated on add only where the value is generated on the client (Guid keys): Cassandra
/// has no identity columns and returns nothing from an INSERT, so an integer key is a plain value the application
/// assigns.
/// </summary>
public class CassandraValueGenerationConvention(
    ProviderConventionSetBuilderDependencies dependencies,
    RelationalConventionSetBuilderDependencies relationalDependencies)
    : RelationalValueGenerationConvention(dependencies, relationalDependencies)
{
    /// <inheritdoc />
    protected override ValueGenerated? GetValueGenerated(IConventionProperty property)
    {
        var valueGenerated = base.GetValueGenerated(property);
        return valueGenerated == ValueGenerated.OnAdd
            && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != typeof(Guid)
            && property.GetValueGeneratorFactory() is null
                ? null
                : valueGenerated;
    }
}
