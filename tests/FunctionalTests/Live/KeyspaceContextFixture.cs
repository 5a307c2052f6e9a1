using Cassandra.TestInfrastructure;

using EntityFrameworkCore.Cassandra.Infrastructure;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>
/// A keyspace of its own (<c>t_&lt;prefix&gt;_&lt;random&gt;</c>) on the real node with the tables of
/// <typeparamref name="TContext"/>, created once before the first test and dropped after the last.
/// </summary>
/// <typeparam name="TContext">The context whose model the keyspace holds.</typeparam>
/// <param name="prefix">Names the keyspace after the tests that use it.</param>
public abstract class KeyspaceContextFixture<TContext>(string prefix) : IAsyncLifetime
    where TContext : DbContext
{
    public string Keyspace { get; } = $"t_{prefix}_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = "";

    public TContext CreateContext(Action<CassandraDbContextOptionsBuilder>? cassandra = null)
        => Create(new DbContextOptionsBuilder().UseCassandra(ConnectionString, cassandra).Options);

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

    /// <summary>The context over <paramref name="options"/>.</summary>
    protected abstract TContext Create(DbContextOptions options);
}
