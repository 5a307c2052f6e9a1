using System.Diagnostics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Cluster;

/// <summary>
/// A node that stops reading without closing its socket (frozen process, network black hole without a reset): the
/// client's blocking send fills the kernel buffers and would wait for as long as TCP retransmits. It must instead fail
/// after the connect timeout, fail every request on the connection, and let the pool replace the connection.
/// </summary>
public sealed class StalledSendTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_send_to_a_node_that_stopped_reading_fails_within_the_connect_timeout_and_the_pool_reconnects(bool tls)
    {
        await using var server = new FakeCqlServer
        {
            ReceiveBufferSize = 64 * 1024,
            StopReadingWhen = query => query.Contains("ks.frozen", StringComparison.Ordinal),
            ServerCertificate = tls ? FakeServerHost.CreateSelfSignedCertificate() : null,
        };

        // A command timeout far beyond the test's bound: what ends the requests is the stalled send, not their timeout.
        // The connect timeout (which also bounds a send) leaves the TLS handshake with the in-process server room on a
        // loaded CI machine: at 1 s it could fail the opening itself.
        var connectionString = server.ConnectionString + ";Connect Timeout=3;Command Timeout=120;Reconnect Base Delay=50"
            + (tls ? ";SSL=true;SSL Certificate Validation=None" : string.Empty);
        await using var dataSource = CqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var accepted = server.ConnectionsAccepted;

        // Multi-MB blob inserts, far more than the node's receive buffer and the client's send buffer hold together.
        var blob = Convert.ToHexString(new byte[2 * 1024 * 1024]);
        var watch = Stopwatch.StartNew();

        // Each on a pool thread of its own: whichever finds no write under way does the blocking send itself.
        var writes = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var command = new CqlCommand($"INSERT INTO ks.frozen (k, v) VALUES ({i}, 0x{blob})", connection);
            await command.ExecuteNonQueryAsync();
        })).ToArray();

        var errors = new List<Exception>();
        foreach (var write in writes)
        {
            // A TimeoutException here (not a CqlException) would mean a caller is still held by the send.
            errors.Add(await Assert.ThrowsAnyAsync<CqlException>(() => write.WaitAsync(TimeSpan.FromSeconds(30))));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The requests took {watch.Elapsed} to fail.");
        // On the stalled connection: the connection error. Started only after it closed (and its only node was marked
        // down): no node available. Either way a prompt, clear failure, never a request timeout.
        Assert.All(errors, error => Assert.True(error is CqlConnectionException or CqlNoHostAvailableException, error.ToString()));
        Assert.Contains(errors, error => error.Message.Contains("made no progress", StringComparison.Ordinal));

        // The pool replaces the defunct connection, and the replacement serves.
        watch.Restart();
        while (server.ConnectionsAccepted <= accepted)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "The defunct connection was not replaced.");
            await Task.Delay(50);
        }

        watch.Restart();
        while (true)
        {
            try
            {
                await using var command = new CqlCommand("SELECT * FROM ks.t", connection);
                await command.ExecuteNonQueryAsync();
                break;
            }
            catch (CqlException) when (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task Requests_queued_behind_a_stalled_send_fail_as_never_sent()
    {
        await using var server = new FakeCqlServer
        {
            ReceiveBufferSize = 64 * 1024,
            StopReadingWhen = query => query.Contains("ks.frozen", StringComparison.Ordinal),
        };
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Connect Timeout=3;Command Timeout=120;Reconnect Base Delay=50");
        await using var connection = await dataSource.OpenConnectionAsync();
        // A small insert freezes the node once it has read it. The next is far larger than the kernel's buffers (the
        // client's send buffer alone may grow to 4 MB), so its sender (a pool thread) blocks in it; the later ones,
        // started on this thread meanwhile, are queued behind it and never reach the socket.
        var freezing = Insert(0, "00");
        var first = Task.Run(() => Insert(1, Convert.ToHexString(new byte[8 * 1024 * 1024])));
        await Task.Delay(1000);
        Assert.False(first.IsCompleted);
        var queued = Enumerable.Range(2, 3).Select(i => Insert(i, "00")).ToArray();

        await Assert.ThrowsAnyAsync<CqlException>(() => freezing.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAnyAsync<CqlException>(() => first.WaitAsync(TimeSpan.FromSeconds(30)));
        foreach (var insert in queued)
        {
            // Not sent, so the handler may try another node (there is none here); the node's error says so.
            var error = await Assert.ThrowsAnyAsync<CqlException>(() => insert.WaitAsync(TimeSpan.FromSeconds(30)));
            var nodeError = error is CqlNoHostAvailableException noHost ? Assert.Single(noHost.Errors).Value : error;
            Assert.True(nodeError.Message.Contains("never sent", StringComparison.Ordinal), error.ToString());
        }

        async Task Insert(int i, string blob)
        {
            await using var command = new CqlCommand($"INSERT INTO ks.frozen (k, v) VALUES ({i}, 0x{blob})", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
