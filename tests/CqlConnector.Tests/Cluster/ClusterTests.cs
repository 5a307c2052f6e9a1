using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

public sealed class ClusterTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public async Task Session_reads_the_topology_and_opens_the_configured_connections_per_host()
    {
        await using var dataSource = CqlDataSource.Create(fixture.ServerConnectionString + ";Connections Per Host=3");
        await using var connection = await dataSource.OpenConnectionAsync();

        var host = Assert.Single(dataSource.Session.Hosts);
        Assert.True(host.IsUp);
        Assert.False(string.IsNullOrEmpty(host.Datacenter));
        Assert.NotEmpty(host.Tokens);
        Assert.Equal(connection.ServerVersion, host.ReleaseVersion);

        var state = Assert.Single(dataSource.Session.GetPoolStates());
        Assert.Equal(3, state.OpenConnections);
        Assert.Same(host, state.Host);
    }

    [Fact]
    public async Task Requests_spread_over_the_pools_connections()
    {
        await using var dataSource = CqlDataSource.Create(fixture.ServerConnectionString + ";Connections Per Host=2");
        await using var connection = await dataSource.OpenConnectionAsync();
        var inFlightSeen = new List<int>();

        var work = Enumerable.Range(0, 200).Select(async _ =>
        {
            await using var command = new CqlCommand("SELECT release_version FROM system.local", connection);
            await command.ExecuteScalarAsync();
        }).ToList();
        await Task.WhenAll(work);

        var state = Assert.Single(dataSource.Session.GetPoolStates());
        Assert.Equal(2, state.OpenConnections);
        Assert.Equal(0, state.InFlightRequests);
        Assert.Equal(0, state.QueuedRequests);
    }
}
