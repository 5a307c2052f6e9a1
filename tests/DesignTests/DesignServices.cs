using EntityFrameworkCore.Cassandra.Design.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
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
