using System.Net;
using CqlConnector.Connections;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Protocol;

/// <summary>EVENT bodies (§4.2.6) from the spec's layouts, and a SCHEMA_CHANGE pushed by the real node.</summary>
public sealed class ServerEventTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public void Topology_change_carries_the_change_and_an_inet()
    {
        // [string] "TOPOLOGY_CHANGE", [string] "NEW_NODE", [inet] 4 bytes 127.0.0.2, [int] port 9042.
        var body = Convert.FromHexString("000F544F504F4C4F47595F4348414E4745" + "00084E45575F4E4F4445" + "047F000002" + "00002352");
        var change = ServerEvent.Read(body);
        Assert.Equal(ServerEvent.TopologyChange, change.Type);
        Assert.Equal("NEW_NODE", change.Change);
        Assert.Null(change.SchemaChange);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 9042), change.Address);
    }

    [Fact]
    public void Status_change_reads_an_ipv6_inet()
    {
        // [string] "STATUS_CHANGE", [string] "DOWN", [inet] 16 bytes ::1, [int] 9043.
        var body = Convert.FromHexString("000D5354415455535F4348414E4745" + "0004444F574E" + "10" + "00000000000000000000000000000001" + "00002353");
        Assert.Equal(new ServerEvent("STATUS_CHANGE", "DOWN", new IPEndPoint(IPAddress.IPv6Loopback, 9043), null), ServerEvent.Read(body));
    }

    [Theory]
    [InlineData("0007" + "43524541544544" + "0008" + "4B455953504143450002" + "6B73", "CREATED", "KEYSPACE", "ks", "")]
    [InlineData("0007" + "55504441544544" + "0005" + "5441424C45" + "00026B73" + "000174", "UPDATED", "TABLE", "ks", "t")]
    [InlineData("0007" + "44524F50504544" + "0008" + "46554E4354494F4E" + "00026B73" + "000166" + "0001" + "0003696E74", "DROPPED", "FUNCTION", "ks", "f")]
    public void Schema_change_reuses_the_schema_change_result_layout(string hex, string changeType, string target, string keyspace, string name)
    {
        var body = Convert.FromHexString("000D534348454D415F4348414E4745" + hex);
        var change = ServerEvent.Read(body);
        Assert.Equal(new ServerEvent("SCHEMA_CHANGE", changeType, null, new SchemaChange(changeType, target, keyspace, name)), change);
    }

    [Fact]
    public void Unknown_event_types_and_truncated_bodies_are_protocol_violations()
    {
        Assert.Contains("'NEW_EVENT'", Assert.Throws<CqlProtocolViolationException>(() => ServerEvent.Read(Convert.FromHexString("00094E45575F4556454E54"))).Message, StringComparison.Ordinal);
        Assert.Throws<CqlProtocolViolationException>(() => ServerEvent.Read(Convert.FromHexString("000D5354415455535F4348414E4745" + "000255500A")));
    }

    [Fact]
    public async Task The_node_pushes_a_schema_change_to_a_registered_connection()
    {
        var settings = ConnectionSettings.FromBuilder(new CqlConnectionStringBuilder(fixture.ServerConnectionString));
        var address = (await Dns.GetHostAddressesAsync(fixture.Endpoint.Host))[0];
        using var connection = await CqlPhysicalConnection.OpenAsync(new IPEndPoint(address, fixture.Endpoint.Port), settings, IOBehavior.Asynchronous, default);
        var received = new TaskCompletionSource<ServerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.EventReceived = frame =>
        {
            using (frame)
            {
                // Events are cluster-wide: other tests' schema changes arrive too.
                if (ServerEvent.Read(frame) is { SchemaChange: { Target: "TABLE", Name: "evented" } change } e && change.Keyspace == fixture.Keyspace)
                {
                    received.TrySetResult(e);
                }
            }
        };
        using (var ready = await connection.SendAsync(new RegisterRequest([ServerEvent.SchemaChangeType, ServerEvent.StatusChange, ServerEvent.TopologyChange]), TimeSpan.FromSeconds(10), IOBehavior.Asynchronous, default))
        {
            Assert.Equal(Opcode.Ready, ready.Opcode);
        }

        await fixture.ExecuteAsync("CREATE TABLE evented (k int PRIMARY KEY)");

        var schemaChange = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new SchemaChange("CREATED", "TABLE", fixture.Keyspace, "evented"), schemaChange.SchemaChange);
    }
}
