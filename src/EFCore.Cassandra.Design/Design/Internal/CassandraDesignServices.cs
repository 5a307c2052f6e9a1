using EntityFrameworkCore.Cassandra.Scaffolding.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// The design-time services of the EFCore.Cassandra.Design package: scaffolding (<see cref="CassandraDatabaseModelFactory"/>),
/// <c>UseCassandra</c> generation (<see cref="CassandraCodeGenerator"/>), the fluent API in generated code
/// (<see cref="CassandraAnnotationCodeGenerator"/>) and the user-defined type operations in generated migrations
/// (<see cref="CassandraMigrationOperationGenerator"/>, <see cref="CassandraMigrationsGenerator"/>). <c>dotnet ef</c> applies them after the provider's own design-time
/// services, either through the <c>DesignTimeServicesReference</c> attribute the package's build targets add to the
/// startup project, or because the provider's design-time services find this assembly next to it.
/// </summary>
/// <remarks>
/// Registrations replace what is there, so applying these services twice changes nothing.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraDesignServices : IDesignTimeServices
{
    /// <inheritdoc />
    public virtual void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        serviceCollection.Replace(ServiceDescriptor.Singleton<IAnnotationCodeGenerator, CassandraAnnotationCodeGenerator>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IDatabaseModelFactory, CassandraDatabaseModelFactory>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IProviderConfigurationCodeGenerator, CassandraCodeGenerator>());

        // Migrations: the user-defined type operations written as calls, and an Up that drops a type's fields refused.
        serviceCollection.Replace(ServiceDescriptor.Singleton<ICSharpMigrationOperationGenerator, CassandraMigrationOperationGenerator>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IMigrationsCodeGenerator, CassandraMigrationsGenerator>());

        // User-defined types: the classes made for them while scaffolding, found by the column mapping and written
        // next to the entities.
        serviceCollection.Replace(ServiceDescriptor.Singleton<CassandraUserDefinedTypeClasses, CassandraUserDefinedTypeClasses>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IScaffoldingTypeMapper, CassandraScaffoldingTypeMapper>());
        serviceCollection.Replace(ServiceDescriptor.Singleton<IModelCodeGeneratorSelector, CassandraModelCodeGeneratorSelector>());
    }
}
