using Cassandra.TestInfrastructure;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>
/// A real Cassandra node and a keyspace of the test class's own (<c>t_&lt;class&gt;_&lt;random&gt;</c>), created with
/// the model's tables before the first test and dropped after the last.
/// </summary>
/// <typeparam name="TTestClass">The test class; its name goes into the keyspace name.</typeparam>
public sealed class CassandraContextFixture<TTestClass> : IAsyncLifetime
{
    public string Keyspace { get; } = KeyspaceFor(typeof(TTestClass));

    public string ConnectionString { get; private set; } = "";

    public CassandraEndpoint Endpoint { get; private set; } = null!;

    public PeopleContext CreateContext(Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder().UseCassandra(ConnectionString);
        configure?.Invoke(builder);
        return new PeopleContext(builder.Options);
    }

    public async Task InitializeAsync()
    {
        Endpoint = await CassandraServer.GetAsync();
        ConnectionString = $"Contact Points={Endpoint.Host};Port={Endpoint.Port};Keyspace={Keyspace}";

        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            return;
        }

        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    private static string KeyspaceFor(Type testClass)
    {
        // Cassandra keyspace names: letters, digits and underscores, at most 48 characters.
        var name = new string(testClass.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        return $"t_{name}_{Guid.NewGuid():N}"[..Math.Min(48, 3 + name.Length + 1 + 12)];
    }
}
