using CqlConnector.Connections;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Protocol;

/// <summary>
/// The driver against an in-process v5 server (no v5 node is reachable here): the handshake is unframed, everything
/// after READY travels in segments both ways, large envelopes span segments, and a corrupted segment closes the
/// connection with a protocol violation.
/// </summary>
public sealed class V5FramingTests
{
    [Fact]
    public async Task Default_connection_speaks_v5_in_segments_to_a_v5_server()
    {
        await using var server = new FakeV5CqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        Assert.Equal(ProtocolVersion.V5, connection.ProtocolVersion);
        Assert.Equal("5.0.0", connection.ServerVersion); // read with a framed QUERY after READY
        Assert.All(server.OfferedVersions, v => Assert.Equal(5, v)); // OPTIONS and STARTUP, unframed, offering v5
        Assert.False(server.StartupOptions!.ContainsKey("COMPRESSION"));
        Assert.Equal(42, await ScalarAsync(dataSource, new string('x', 42)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_larger_than_one_segment_is_reassembled(bool lz4)
    {
        await using var server = new FakeV5CqlServer(offerLz4: lz4) { PayloadSize = 300_000 };
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + (lz4 ? ";Compression=lz4" : string.Empty));
        await using var command = dataSource.CreateCommand("SELECT payload");
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        var payload = reader.GetFieldValue<byte[]>(0);
        Assert.Equal(300_000, payload.Length);
        Assert.True(payload.Select((b, i) => b == (byte)(i % 251)).All(ok => ok));
        Assert.Equal(lz4 ? "lz4" : null, server.StartupOptions!.GetValueOrDefault("COMPRESSION"));
        var physical = await PooledConnection.FirstAsync(dataSource);
        Assert.Equal(lz4 ? "lz4" : null, physical.Compression);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_request_larger_than_one_segment_is_split_over_segments(bool lz4)
    {
        await using var server = new FakeV5CqlServer(offerLz4: lz4);
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + (lz4 ? ";Compression=lz4" : string.Empty));
        var query = "SELECT '" + string.Concat(Enumerable.Range(0, 40_000).Select(i => (char)('a' + (i * 7 % 26)) + "xyz" + (i % 10))) + "'";

        Assert.Equal(query.Length, await ScalarAsync(dataSource, query));
        Assert.True(server.SplitClientSegments >= 2, $"{server.SplitClientSegments} split segments");
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_answer()
    {
        await using var server = new FakeV5CqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString);
        await ScalarAsync(dataSource, "warm up");

        var lengths = Enumerable.Range(1, 500).ToArray();
        var results = await Task.WhenAll(lengths.Select(n => Task.Run(() => ScalarAsync(dataSource, new string('q', n)))));

        Assert.Equal(lengths, results);
    }

    [Fact]
    public async Task Several_envelopes_in_one_segment_are_all_read()
    {
        await using var server = new FakeV5CqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString);

        // Answered with an EVENT (stream -1) and the result in the same self-contained segment.
        Assert.Equal("WITH EVENT".Length, await ScalarAsync(dataSource, "WITH EVENT"));
        Assert.Equal(3, await ScalarAsync(dataSource, "abc"));
    }

    [Fact]
    public async Task A_segment_failing_its_crc_closes_the_connection_with_a_protocol_violation()
    {
        await using var server = new FakeV5CqlServer();
        await using var dataSource = CqlDataSource.Create(server.ConnectionString);
        var physical = await PooledConnection.FirstAsync(dataSource);

        await using var command = dataSource.CreateCommand("CORRUPT");
        var ex = await Assert.ThrowsAsync<CqlProtocolViolationException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("CRC32", ex.Message, StringComparison.Ordinal);
        Assert.False(physical.IsOpen);
        // The pool replaces the connection in the background; the session serves again once it has.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Assert.Equal(7, await ScalarAsync(dataSource, "7 bytes"));
                break;
            }
            catch (CqlException retry) when (retry is CqlConnectionException or CqlNoHostAvailableException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<int> ScalarAsync(CqlDataSource dataSource, string query)
    {
        await using var command = dataSource.CreateCommand(query);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
