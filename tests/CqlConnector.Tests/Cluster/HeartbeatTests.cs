using System.Diagnostics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task An_idle_connection_that_stops_answering_heartbeats_is_closed_and_replaced()
    {
        await using var server = new FakeCqlServer { AnswerHeartbeats = false };
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Heartbeat Interval=1;Command Timeout=1;Reconnect Base Delay=50");
        await using var connection = await dataSource.OpenConnectionAsync();
        var initial = server.ConnectionsAccepted;

        var watch = Stopwatch.StartNew();
        while (server.ConnectionsAccepted <= initial)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), "No connection was replaced after missed heartbeats.");
            await Task.Delay(50);
        }

        // The replacement serves requests.
        server.AnswerHeartbeats = true;
        watch.Restart();
        while (true)
        {
            try
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection);
                await command.ExecuteNonQueryAsync();
                break;
            }
            catch (CqlException) when (watch.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task Answered_heartbeats_keep_the_connections()
    {
        await using var server = new FakeCqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Heartbeat Interval=1");
        await using var connection = await dataSource.OpenConnectionAsync();
        var initial = server.ConnectionsAccepted;

        await Task.Delay(2500);

        Assert.Equal(initial, server.ConnectionsAccepted);
    }
}
