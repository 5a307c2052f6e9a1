using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>The design-time service provider <c>dotnet ef</c> builds for the provider, built in process.</summary>
internal static class DesignServices
{
    public static ServiceProvider Create(IOperationReporter? reporter = null)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices(reporter);
        new CassandraDesignTimeServices().ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The model snapshot <c>dotnet ef migrations add</c> writes for <paramref name="context"/>'s design-time model.</summary>
    public static string GenerateSnapshot(DbContext context, string snapshotName)
    {
        using var services = Create();
        return services.GetRequiredService<IMigrationsCodeGeneratorSelector>().Select("C#")
            .GenerateSnapshot("Snapshots", context.GetType(), snapshotName, context.GetService<IDesignTimeModel>().Model);
    }
}

/// <summary>Keeps what <c>dotnet ef</c> would print.</summary>
internal sealed class CapturingReporter : IOperationReporter
{
    public List<string> Warnings { get; } = [];

    public void WriteError(string message) => Warnings.Add("error: " + message);

    public void WriteWarning(string message) => Warnings.Add(message);

    public void WriteInformation(string message)
    {
    }

    public void WriteVerbose(string message)
    {
    }
}
