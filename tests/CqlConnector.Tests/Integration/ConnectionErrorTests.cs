using System.Net;
using System.Net.Sockets;

namespace CqlConnector.Tests.Integration;

public sealed class ConnectionErrorTests
{
    [Fact]
    public async Task Closed_port_raises_CqlConnectionException_naming_the_endpoint()
    {
        // Find a port nothing listens on: bind, read the port, close.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var connection = new CqlConnection($"Contact Points=127.0.0.1;Port={port}");
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => connection.OpenAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("nothing is listening", error.Message);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Closed_port_raises_CqlConnectionException_synchronously()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var connection = new CqlConnection($"Contact Points=127.0.0.1;Port={port}");
        Assert.Throws<CqlConnectionException>(() => connection.Open());
    }

    [Fact]
    public void Unknown_connection_string_key_is_rejected_with_the_known_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => new CqlConnectionStringBuilder("Contact Points=a;Colour=blue"));
        Assert.Contains("'colour' is not a CqlConnector connection string key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Contact Points", error.Message);
    }

    [Fact]
    public void Transactions_are_refused_with_an_explanation()
    {
        using var connection = new CqlConnection("Contact Points=127.0.0.1");
        var error = Assert.Throws<NotSupportedException>(() => connection.BeginTransaction());
        Assert.Contains("does not support transactions", error.Message);
    }
}
