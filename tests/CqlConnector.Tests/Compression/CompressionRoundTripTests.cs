using CqlConnector.Connections;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Compression;

/// <summary>
/// LZ4 and Snappy negotiated with the real node (2.1 lists both in SUPPORTED) and round-tripping thousands of rows
/// and a large blob: requests above the threshold go out compressed, every response comes back compressed.
/// </summary>
public sealed class CompressionRoundTripTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS items (bucket text, id int, name text, data blob, PRIMARY KEY (bucket, id))");

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("lz4")]
    [InlineData("snappy")]
    public async Task Rows_and_a_large_blob_round_trip_compressed(string algorithm)
    {
        await using var dataSource = CqlDataSource.Create($"{fixture.ConnectionString};Compression={algorithm}");
        var connection = await PooledConnection.FirstAsync(dataSource);
        Assert.Contains(algorithm, connection.SupportedOptions["COMPRESSION"]);
        Assert.Equal(algorithm, connection.Compression);

        const int rows = 3000;
        var pending = new List<Task>();
        for (var id = 0; id < rows; id++)
        {
            pending.Add(InsertAsync(dataSource, algorithm, id, $"item {id} {new string('n', id % 50)}", BitConverter.GetBytes(id)));
            if (pending.Count == 64)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        var large = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i % 7 == 0 ? i : i % 3)).ToArray();
        await InsertAsync(dataSource, algorithm, -1, "large", large);

        await using var select = dataSource.CreateCommand("SELECT id, name, data FROM items WHERE bucket = :bucket");
        select.Parameters.AddWithValue("bucket", algorithm);
        await using var reader = await select.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt32(0);
            if (id < 0)
            {
                Assert.Equal(large, reader.GetFieldValue<byte[]>(2));
            }
            else
            {
                Assert.Equal($"item {id} {new string('n', id % 50)}", reader.GetString(1));
                Assert.Equal(BitConverter.GetBytes(id), reader.GetFieldValue<byte[]>(2));
            }

            seen++;
        }

        Assert.Equal(rows + 1, seen);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task A_node_without_the_algorithm_gets_an_uncompressed_connection()
    {
        await using var server = new FakeCqlServer(); // lists no COMPRESSION at all
        await using var dataSource = CqlDataSource.Create(server.ConnectionString + ";Compression=snappy");
        var connection = await PooledConnection.FirstAsync(dataSource);
        Assert.Null(connection.Compression);
    }

    private static async Task InsertAsync(CqlDataSource dataSource, string bucket, int id, string name, byte[] data)
    {
        await using var insert = dataSource.CreateCommand("INSERT INTO items (bucket, id, name, data) VALUES (:bucket, :id, :name, :data)");
        insert.Parameters.AddWithValue("bucket", bucket);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("data", data);
        await insert.ExecuteNonQueryAsync();
    }
}
