using CqlConnector.Connections;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Protocol;

/// <summary>The default maximum is v5; a node that does not speak it is asked again, one version lower each time.</summary>
public sealed class VersionStepDownTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public void Default_maximum_protocol_version_is_5()
    {
        Assert.Equal(5, new CqlConnectionStringBuilder().MaxProtocolVersion);
        Assert.Equal(ProtocolVersion.V5, ConnectionSettings.FromBuilder(new CqlConnectionStringBuilder()).MaxProtocolVersion);
    }

    [Fact]
    public async Task The_real_node_is_spoken_to_in_the_highest_version_it_has()
    {
        await using var dataSource = CqlDataSource.Create(fixture.ServerConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        // 2.1 refuses v5 and v4 with "Invalid or unsupported protocol version" (each try a new connection) and speaks v3;
        // 2.2/3.x speak v4 (3.x has v5 only as a beta); 4.0+ speak v5.
        var major = int.Parse(connection.ServerVersion.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        var minor = int.Parse(connection.ServerVersion.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        var expected = major >= 4 ? ProtocolVersion.V5 : major == 3 || minor >= 2 ? ProtocolVersion.V4 : ProtocolVersion.V3;
        Assert.Equal(expected, connection.ProtocolVersion);

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT cluster_name FROM system.local";
        Assert.IsType<string>(await command.ExecuteScalarAsync());
    }
}
