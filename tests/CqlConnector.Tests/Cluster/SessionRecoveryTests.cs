using System.Net;
using System.Net.Sockets;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

public sealed class SessionRecoveryTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public async Task A_session_whose_first_start_failed_connects_once_the_node_is_there()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var dataSource = CqlDataSource.Create($"Contact Points=127.0.0.1;Port={port};Max Protocol Version=3");
        await using (var connection = dataSource.CreateConnection())
        {
            await Assert.ThrowsAsync<CqlConnectionException>(() => connection.OpenAsync());
        }

        await using var server = new FakeCqlServer(port);
        await using var retried = dataSource.CreateConnection();
        await retried.OpenAsync();
        await using var command = new CqlCommand("SELECT * FROM ks.t", retried);
        Assert.Equal(-1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public void A_command_without_timeout_runs_synchronously()
    {
        using var dataSource = CqlDataSource.Create(fixture.ConnectionString + ";Command Timeout=0");
        using var connection = dataSource.CreateConnection();
        connection.Open();
        using var command = new CqlCommand("SELECT release_version FROM system.local", connection);
        Assert.IsType<string>(command.ExecuteScalar());
    }
}
