#pragma warning disable EF1001 // the provider's own design-time services, as dotnet ef builds them

using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>The provider's own design-time services, without the EFCore.Cassandra.Design assembly beside them.</summary>
public sealed class DesignTimeServicesTests
{
    [Fact]
    public void Without_the_design_package_scaffolding_says_which_package_to_add()
    {
        var services = new ServiceCollection();
        new CassandraDesignTimeServices().ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IDatabaseModelFactory>();

        var error = Assert.Throws<InvalidOperationException>(() => factory.Create("Contact Points=127.0.0.1", new DatabaseModelFactoryOptions()));
        Assert.Contains("EFCore.Cassandra.Design", error.Message, StringComparison.Ordinal);
    }
}
