using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

public sealed class ProtocolNegotiationTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public async Task Client_offers_its_highest_version_and_steps_down_to_what_the_node_speaks()
    {
        // The connection offers v4 (the default maximum); a 2.1 node refuses it and the client steps down to v3.
        await using var dataSource = CqlDataSource.Create(fixture.ServerConnectionString + ";Max Protocol Version=4");
        await using var connection = await dataSource.OpenConnectionAsync();

        var expected = connection.ServerVersion.StartsWith("2.1", StringComparison.Ordinal) ? ProtocolVersion.V3 : ProtocolVersion.V4;
        Assert.Equal(expected, connection.ProtocolVersion);
    }

    [Fact]
    public async Task Maximum_version_3_is_honoured()
    {
        await using var dataSource = CqlDataSource.Create(fixture.ServerConnectionString + ";Max Protocol Version=3");
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.Equal(ProtocolVersion.V3, connection.ProtocolVersion);
        Assert.Matches(@"^\d+\.\d+", connection.ServerVersion);
    }
}
