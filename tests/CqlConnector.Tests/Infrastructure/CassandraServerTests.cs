using System.Net.Sockets;
using Cassandra.TestInfrastructure;
using Xunit.Abstractions;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>The fixture that every real-server test relies on finds (or starts) a node that accepts connections.</summary>
public sealed class CassandraServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetAsync_returns_an_endpoint_that_accepts_tcp_connections()
    {
        CassandraEndpoint endpoint = await CassandraServer.GetAsync();
        output.WriteLine($"Cassandra for tests: {CassandraServer.Description}");

        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);

        Assert.True(client.Connected);
        Assert.False(string.IsNullOrEmpty(endpoint.Source));
        Assert.Equal(endpoint.ToString(), CassandraServer.Description);
    }

    [Fact]
    public async Task GetAsync_returns_the_same_endpoint_on_every_call()
    {
        Task<CassandraEndpoint> first = CassandraServer.GetAsync();
        Task<CassandraEndpoint> second = CassandraServer.GetAsync();

        Assert.Same(first, second);
        Assert.Equal(await first, await second);
    }
}
