using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

[assembly: DesignTimeProviderServices("EntityFrameworkCore.Cassandra.Design.Internal.CassandraDesignTimeServices")]

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// The provider's design-time services, found by <c>dotnet ef</c> through the assembly's
/// <see cref="DesignTimeProviderServicesAttribute"/>: the provider's runtime services plus EF's relational design-time
/// defaults, which is what <c>migrations add</c>, <c>migrations script</c> and <c>database update</c> need. Scaffolding
/// (<c>dbcontext scaffold</c>) and fluent-API code generation live in the EFCore.Cassandra.Design package,
/// whose services are applied first when its assembly can be loaded.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraDesignTimeServices : IDesignTimeServices
{
    /// <inheritdoc />
    public virtual void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        serviceCollection.AddEntityFrameworkCassandra();

        // Scaffolding and fluent-API code generation live in EFCore.Cassandra.Design. When that assembly is next to this
        // one (a package or project reference of the startup project), its services come first, so that EF's relational
        // defaults below only fill what it leaves out; its build targets may also name it through a
        // DesignTimeServicesReference attribute, which applies it again, harmlessly.
        if (Type.GetType(DesignServicesTypeName, throwOnError: false) is { } designServicesType
            && Activator.CreateInstance(designServicesType) is IDesignTimeServices designServices)
        {
            designServices.ConfigureDesignTimeServices(serviceCollection);
        }

        new EntityFrameworkRelationalDesignServicesBuilder(serviceCollection)
            .TryAdd<IDatabaseModelFactory, CassandraDesignPackageMissingModelFactory>()
            .TryAddCoreServices();
    }

    /// <summary>The design-time services of the EFCore.Cassandra.Design package, assembly-qualified.</summary>
    public const string DesignServicesTypeName = "EntityFrameworkCore.Cassandra.Design.Internal.CassandraDesignServices, EFCore.Cassandra.Design";
}
