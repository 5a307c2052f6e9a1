using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>The design-time service provider <c>dotnet ef</c> builds for the provider, built in process.</summary>
internal static class DesignServices
{
    public static ServiceProvider Create()
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        new CassandraDesignTimeServices().ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider();
    }
}
