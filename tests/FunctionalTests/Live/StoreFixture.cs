using Cassandra.TestInfrastructure;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>A keyspace of its own with the <see cref="StoreContext"/> tables, created once and dropped at the end.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public string Keyspace { get; } = "t_store_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = "";

    public StoreContext CreateContext(Action<EntityFrameworkCore.Cassandra.Infrastructure.CassandraDbContextOptionsBuilder>? cassandra = null)
        => new(new DbContextOptionsBuilder().UseCassandra(ConnectionString, cassandra).Options);

    public async Task InitializeAsync()
    {
        var endpoint = await CassandraServer.GetAsync();
        ConnectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={Keyspace}";
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length > 0)
        {
            await using var context = CreateContext();
            await context.Database.EnsureDeletedAsync();
        }
    }
}
