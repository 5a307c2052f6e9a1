using System.Data.Common;
using CqlConnector;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CqlConnector in a service collection.</summary>
public static class CqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="CqlDataSource"/> (and so one session with the cluster) for the application, as a
    /// singleton also resolvable as <see cref="DbDataSource"/>, and <see cref="CqlConnection"/> (scoped, not opened)
    /// created from it. The data source logs through the container's <see cref="ILoggerFactory"/> when there is one.
    /// </summary>
    public static IServiceCollection AddCqlDataSource(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        services.AddSingleton(provider => CqlDataSource.Create(connectionString, provider.GetService<ILoggerFactory>()));
        services.AddSingleton<DbDataSource>(provider => provider.GetRequiredService<CqlDataSource>());
        services.AddScoped(provider => provider.GetRequiredService<CqlDataSource>().CreateConnection());
        services.AddScoped<DbConnection>(provider => provider.GetRequiredService<CqlConnection>());
        return services;
    }
}
