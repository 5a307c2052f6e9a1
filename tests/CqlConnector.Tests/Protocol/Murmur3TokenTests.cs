using System.Buffers.Binary;
using System.Text;
using CqlConnector.Cluster;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Protocol;

/// <summary>
/// The Murmur3 token of partition keys, compared with what the real node computes (<c>SELECT token(k)</c>) for many
/// int, text, blob, uuid and composite keys — every tail length 0..15 and bytes ≥ 0x80 in the tail, where Cassandra's
/// sign-extension differs from the reference MurmurHash3 — and fixed vectors taken from the node.
/// </summary>
public sealed class Murmur3TokenTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Theory]
    [InlineData("00000001", -4069959284402364209)] // int 1, the example of Cassandra's documentation
    [InlineData("61", -8839064797231613815)] // text 'a'
    [InlineData("80", -5284281814142962636)] // one tail byte >= 0x80: sign-extended
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", -2195530867418009455)] // the longest tail, all sign-extended
    [InlineData("000102030405060708090A0B0C0D0E0F", 4920504430128807728)] // one whole block, no tail
    [InlineData("000102030405060708090A0B0C0D0E0F80", -3508686450516251035)] // a block and a sign-extended tail
    [InlineData("E29C93F09F9880", -1924968023787695340)] // text '✓😀'
    [InlineData("4142434445464748494A4B4C4D4E4F50515253", -1664208462585291120)] // a block and a 3-byte tail
    public void Fixed_vectors_from_the_node(string keyHex, long token)
        => Assert.Equal(token, Murmur3Partitioner.GetToken(Convert.FromHexString(keyHex)));

    [Fact]
    public void Empty_key_is_the_minimum_token_and_composite_keys_frame_each_component()
    {
        Assert.Equal(long.MinValue, Murmur3Partitioner.GetToken([]));
        Assert.Equal("00040000002A00" + "0002616200", Convert.ToHexString(Murmur3Partitioner.ComposeRoutingKey([[0, 0, 0, 42], "ab"u8.ToArray()])));
        byte[] single = [1, 2, 3];
        Assert.Same(single, Murmur3Partitioner.ComposeRoutingKey([single]));
    }

    [Fact]
    public async Task Tokens_match_the_node_for_int_text_blob_uuid_and_composite_keys()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t_int (k int PRIMARY KEY)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t_text (k text PRIMARY KEY)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t_blob (k blob PRIMARY KEY)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t_uuid (k uuid PRIMARY KEY)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t_pair (a int, b text, PRIMARY KEY ((a, b)))");

        var random = new Random(20240607);
        var ints = new[] { 0, 1, -1, int.MaxValue, int.MinValue }.Concat(Enumerable.Range(0, 60).Select(_ => random.Next(int.MinValue, int.MaxValue))).Distinct().ToArray();
        var texts = Enumerable.Range(1, 70).Select(n => string.Concat(Enumerable.Range(0, n).Select(i => "aé€z😀"[(i * 7 + n) % 5]))).Distinct().ToArray();
        var blobs = Enumerable.Range(1, 80).Select(n => Enumerable.Range(0, n).Select(_ => (byte)random.Next(256)).ToArray())
            .Append([0x80]).Append([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).ToArray();
        var uuids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        var pairs = Enumerable.Range(0, 40).Select(i => (A: random.Next(), B: new string('x', i) + "é")).ToArray();

        foreach (var k in ints)
        {
            await InsertAsync("INSERT INTO t_int (k) VALUES (?)", k);
        }

        foreach (var k in texts)
        {
            await InsertAsync("INSERT INTO t_text (k) VALUES (?)", k);
        }

        foreach (var k in blobs)
        {
            await InsertAsync("INSERT INTO t_blob (k) VALUES (?)", k);
        }

        foreach (var k in uuids)
        {
            await InsertAsync("INSERT INTO t_uuid (k) VALUES (?)", k);
        }

        foreach (var (a, b) in pairs)
        {
            await InsertAsync("INSERT INTO t_pair (a, b) VALUES (?, ?)", a, b);
        }

        var checkedKeys = 0;
        var mismatches = new List<string>();
        void Check(byte[] key, long expected)
        {
            checkedKeys++;
            var actual = Murmur3Partitioner.GetToken(key);
            if (actual != expected)
            {
                mismatches.Add($"{Convert.ToHexString(key)}: node {expected}, client {actual}");
            }
        }

        await foreach (var (reader, token) in ReadAsync("SELECT k, token(k) FROM t_int", 1))
        {
            var key = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(key, reader.GetInt32(0));
            Check(key, token);
        }

        await foreach (var (reader, token) in ReadAsync("SELECT k, token(k) FROM t_text", 1))
        {
            Check(Encoding.UTF8.GetBytes(reader.GetString(0)), token);
        }

        await foreach (var (reader, token) in ReadAsync("SELECT k, token(k) FROM t_blob", 1))
        {
            Check(reader.GetFieldValue<byte[]>(0), token);
        }

        await foreach (var (reader, token) in ReadAsync("SELECT k, token(k) FROM t_uuid", 1))
        {
            Check(reader.GetGuid(0).ToByteArray(bigEndian: true), token);
        }

        await foreach (var (reader, token) in ReadAsync("SELECT a, b, token(a, b) FROM t_pair", 2))
        {
            var a = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(a, reader.GetInt32(0));
            Check(Murmur3Partitioner.ComposeRoutingKey([a, Encoding.UTF8.GetBytes(reader.GetString(1))]), token);
        }

        Assert.Empty(mismatches);
        Assert.Equal(ints.Length + texts.Length + blobs.Length + uuids.Length + pairs.Length, checkedKeys);
    }

    private async Task InsertAsync(string cql, params object[] values)
    {
        await using var command = fixture.DataSource.CreateCommand(cql);
        foreach (var value in values)
        {
            command.Parameters.Add(new CqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private async IAsyncEnumerable<(CqlDataReader Reader, long Token)> ReadAsync(string cql, int tokenOrdinal)
    {
        await using var command = fixture.DataSource.CreateCommand(cql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return (reader, reader.GetInt64(tokenOrdinal));
        }
    }
}
