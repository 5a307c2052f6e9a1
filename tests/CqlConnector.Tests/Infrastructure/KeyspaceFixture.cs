using Cassandra.TestInfrastructure;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>
/// A keyspace of its own for one test class on the real node, dropped afterwards, and a data source bound to it.
/// </summary>
public sealed class KeyspaceFixture : IAsyncLifetime
{
    public CassandraEndpoint Endpoint { get; private set; } = null!;

    public string Keyspace { get; } = "cqlt_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection string without a keyspace.</summary>
    public string ServerConnectionString => $"Contact Points={Endpoint.Host};Port={Endpoint.Port}";

    /// <summary>A connection string that USEs the test keyspace.</summary>
    public string ConnectionString => $"{ServerConnectionString};Keyspace={Keyspace}";

    public CqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The node's release version, e.g. "2.1.0".</summary>
    public string ServerVersion { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Endpoint = await CassandraServer.GetAsync();
        await using (var admin = CqlDataSource.Create(ServerConnectionString))
        {
            await using var command = admin.CreateCommand(
                $"CREATE KEYSPACE {Keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
            await command.ExecuteNonQueryAsync();
        }

        DataSource = CqlDataSource.Create(ConnectionString);
        await using var connection = await DataSource.OpenConnectionAsync();
        ServerVersion = connection.ServerVersion;
    }

    /// <summary>Runs one statement in the test keyspace.</summary>
    public async Task ExecuteAsync(string cql)
    {
        await using var command = DataSource.CreateCommand(cql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = CqlDataSource.Create(ServerConnectionString);
        await using var command = admin.CreateCommand($"DROP KEYSPACE IF EXISTS {Keyspace}");
        command.CommandTimeout = 60;
        await command.ExecuteNonQueryAsync();
    }
}
