using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

[assembly: DesignTimeProviderServices("EntityFrameworkCore.Cassandra.Design.Internal.CassandraDesignTimeServices")]

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// The provider's design-time services, found by <c>dotnet ef</c> through the assembly's
/// <see cref="DesignTimeProviderServicesAttribute"/>: the provider's runtime services plus EF's relational design-time
/// defaults, which is what <c>migrations add</c>, <c>migrations script</c> and <c>database update</c> need. Scaffolding
/// (<c>dbcontext scaffold</c>) lives in the EFCore.Cassandra.Design package, which adds its services on top.
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
        new EntityFrameworkRelationalDesignServicesBuilder(serviceCollection).TryAddCoreServices();
    }
}
