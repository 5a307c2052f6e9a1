using System.Net;
using System.Numerics;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

/// <summary>Every CQL type the node knows, written with bound values and read back equal.</summary>
public sealed class TypeRoundTripTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    public sealed class Address
    {
        public string? Street { get; set; }

        public int Zip { get; set; }
    }

    private async Task<T> RoundTripAsync<T>(string cqlType, T value)
    {
        var table = "rt_" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ExecuteAsync($"CREATE TABLE {table} (k int PRIMARY KEY, v {cqlType})");
        await using (var insert = fixture.DataSource.CreateCommand($"INSERT INTO {table} (k, v) VALUES (:k, :v)"))
        {
            insert.Parameters.AddWithValue("k", 1);
            insert.Parameters.AddWithValue("v", value);
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = fixture.DataSource.CreateCommand($"SELECT v FROM {table} WHERE k = :k");
        select.Parameters.AddWithValue("k", 1);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<T>(0);
    }

    [Fact]
    public async Task Scalars_round_trip()
    {
        Assert.Equal("plain ascii", await RoundTripAsync("ascii", "plain ascii"));
        Assert.Equal(long.MinValue, await RoundTripAsync("bigint", long.MinValue));
        Assert.Equal(new byte[] { 0, 1, 0xFF }, await RoundTripAsync("blob", new byte[] { 0, 1, 0xFF }));
        Assert.True(await RoundTripAsync("boolean", true));
        Assert.Equal(-12345.6789m, await RoundTripAsync("decimal", -12345.6789m));
        Assert.Equal(Math.PI, await RoundTripAsync("double", Math.PI));
        Assert.Equal(1.5f, await RoundTripAsync("float", 1.5f));
        Assert.Equal(IPAddress.Parse("10.1.2.3"), await RoundTripAsync("inet", IPAddress.Parse("10.1.2.3")));
        Assert.Equal(IPAddress.IPv6Loopback, await RoundTripAsync("inet", IPAddress.IPv6Loopback));
        Assert.Equal(int.MaxValue, await RoundTripAsync("int", int.MaxValue));
        Assert.Equal("héllo wörld ✓", await RoundTripAsync("text", "héllo wörld ✓"));
        Assert.Equal("varchar too", await RoundTripAsync("varchar", "varchar too"));
        var instant = new DateTimeOffset(2026, 11, 23, 13, 22, 36, 123, TimeSpan.Zero);
        Assert.Equal(instant, await RoundTripAsync("timestamp", instant));
        Assert.Equal(instant.UtcDateTime, await RoundTripAsync("timestamp", instant.UtcDateTime));
        var timeUuid = TimeUuid.NewTimeUuid();
        Assert.Equal(timeUuid, await RoundTripAsync("timeuuid", timeUuid));
        var uuid = Guid.NewGuid();
        Assert.Equal(uuid, await RoundTripAsync("uuid", uuid));
        var big = BigInteger.Parse("-123456789012345678901234567890");
        Assert.Equal(big, await RoundTripAsync("varint", big));
    }

    [Fact]
    public async Task Collections_round_trip()
    {
        Assert.Equal([3, 1, 2], await RoundTripAsync("list<int>", new List<int> { 3, 1, 2 }));
        Assert.Equal(new HashSet<string> { "a", "b" }, await RoundTripAsync("set<text>", new HashSet<string> { "b", "a" }));
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 },
            await RoundTripAsync("map<text, int>", new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 }));
        var nested = new List<Dictionary<string, int>> { new() { ["a"] = 1 }, new() { ["b"] = 2 } };
        if (!fixture.ServerVersion.StartsWith("2.1", StringComparison.Ordinal))
        {
            // Cassandra 2.1.0 has no frozen collections inside collections.
            Assert.Equal(nested, await RoundTripAsync("list<frozen<map<text, int>>>", nested));
        }
    }

    [Fact]
    public async Task Tuples_and_user_defined_types_round_trip()
    {
        Assert.Equal((1, "one"), await RoundTripAsync("frozen<tuple<int, text>>", (1, "one")));
        Assert.Equal((2, (string?)null), await RoundTripAsync("frozen<tuple<int, text>>", (2, (string?)null)));

        await fixture.ExecuteAsync("CREATE TYPE IF NOT EXISTS address (street text, zip int)");
        var read = await RoundTripAsync("frozen<address>", new Address { Street = "Main", Zip = 12345 });
        Assert.Equal("Main", read.Street);
        Assert.Equal(12345, read.Zip);
    }

    [Fact]
    public async Task Null_values_read_back_as_null()
    {
        Assert.Null(await RoundTripAsync<string?>("text", null));
        Assert.Null(await RoundTripAsync<int?>("int", null));
    }

    [Fact]
    public async Task Counters_are_updated_and_read_as_long()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS hits (k int PRIMARY KEY, n counter)");
        await using (var update = fixture.DataSource.CreateCommand("UPDATE hits SET n = n + :d WHERE k = :k"))
        {
            update.Parameters.AddWithValue("d", 5L);
            update.Parameters.AddWithValue("k", 1);
            await update.ExecuteNonQueryAsync();
            update.Parameters[0].Value = -2L;
            await update.ExecuteNonQueryAsync();
        }

        await using var select = fixture.DataSource.CreateCommand("SELECT n FROM hits WHERE k = 1");
        Assert.Equal(3L, await select.ExecuteScalarAsync());
    }
}
