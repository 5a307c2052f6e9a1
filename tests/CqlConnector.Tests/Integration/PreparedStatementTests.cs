using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

public sealed class PreparedStatementTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public async Task Dropping_and_recreating_the_table_under_a_cached_prepared_statement_recovers_transparently()
    {
        await fixture.ExecuteAsync("CREATE TABLE recreated (id int PRIMARY KEY, name text)");
        await using var connection = await fixture.DataSource.OpenConnectionAsync();

        async Task InsertAsync(int id, string name)
        {
            await using var insert = new CqlCommand("INSERT INTO recreated (id, name) VALUES (:id, :name)", connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("name", name);
            await insert.ExecuteNonQueryAsync();
        }

        async Task<List<(int, string)>> ReadAsync()
        {
            await using var select = new CqlCommand("SELECT id, name FROM recreated WHERE id IN (:a, :b)", connection);
            select.Parameters.AddWithValue("a", 1);
            select.Parameters.AddWithValue("b", 2);
            var rows = new List<(int, string)>();
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(reader.GetOrdinal("name"))));
            }

            return rows;
        }

        await InsertAsync(1, "before");
        Assert.Equal([(1, "before")], await ReadAsync());

        await fixture.ExecuteAsync("DROP TABLE recreated");
        // Same name, a column added in the middle: cached result metadata must not be reused blindly.
        await fixture.ExecuteAsync("CREATE TABLE recreated (id int PRIMARY KEY, extra int, name text)");

        await InsertAsync(2, "after");
        Assert.Equal([(2, "after")], await ReadAsync());
    }

    [Fact]
    public async Task Partition_key_markers_are_known_for_routing_on_every_protocol_version()
    {
        await fixture.ExecuteAsync("CREATE TABLE routed (a int, b text, c int, v text, PRIMARY KEY ((b, a), c))");
        var prepared = await fixture.DataSource.Session.PrepareAsync($"INSERT INTO {fixture.Keyspace}.routed (v, a, c, b) VALUES (?, ?, ?, ?)");

        // The table's partition key is (b, a): markers 3 then 1 (from the node on v4+, from the table's metadata on v3).
        Assert.Equal([3, 1], prepared.PartitionKeyIndexes);
    }
}
