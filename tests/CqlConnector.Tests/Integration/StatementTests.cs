using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

public sealed class StatementTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS people (id int PRIMARY KEY, name text, age int)");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Named_parameters_bind_by_marker_name_in_any_order()
    {
        await using var insert = fixture.DataSource.CreateCommand("INSERT INTO people (id, name, age) VALUES (:id, :name, :age)");
        insert.Parameters.AddWithValue("age", 42);
        insert.Parameters.AddWithValue(":name", "Ada");
        insert.Parameters.AddWithValue("@id", 1);
        Assert.Equal(-1, await insert.ExecuteNonQueryAsync());

        await using var select = fixture.DataSource.CreateCommand("SELECT name, age FROM people WHERE id = :id");
        select.Parameters.AddWithValue("id", 1);
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Ada", reader.GetString(0));
        Assert.Equal(42, reader.GetInt32(reader.GetOrdinal("age")));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Positional_parameters_bind_in_order()
    {
        await using var insert = fixture.DataSource.CreateCommand("INSERT INTO people (id, name, age) VALUES (?, ?, ?)");
        insert.Parameters.Add(new CqlParameter { Value = 2 });
        insert.Parameters.Add(new CqlParameter { Value = "Grace" });
        insert.Parameters.Add(new CqlParameter { Value = null });
        await insert.ExecuteNonQueryAsync();

        await using var select = fixture.DataSource.CreateCommand("SELECT name, age FROM people WHERE id = ?");
        select.Parameters.Add(new CqlParameter { Value = 2 });
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Grace", reader.GetString(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(DBNull.Value, reader.GetValue(1));
        Assert.Null(reader.GetFieldValue<int?>(1));
    }

    [Fact]
    public void Synchronous_execution_returns_the_same_rows()
    {
        using var connection = fixture.DataSource.CreateConnection();
        connection.Open();
        using var insert = new CqlCommand("INSERT INTO people (id, name) VALUES (:id, :name)", connection);
        insert.Parameters.AddWithValue("id", 3);
        insert.Parameters.AddWithValue("name", "Linus");
        insert.ExecuteNonQuery();

        using var select = new CqlCommand("SELECT name FROM people WHERE id = :id", connection);
        select.Parameters.AddWithValue("id", 3);
        Assert.Equal("Linus", select.ExecuteScalar());
    }

    [Fact]
    public async Task Paging_reads_every_row_once_across_pages_both_async_and_sync()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS paged (p int, c int, PRIMARY KEY (p, c))");
        await using (var insert = fixture.DataSource.CreateCommand("INSERT INTO paged (p, c) VALUES (:p, :c)"))
        {
            insert.Parameters.AddWithValue("p", 0);
            var c = insert.Parameters.AddWithValue("c", 0);
            for (var i = 0; i < 1050; i++)
            {
                c.Value = i;
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var select = fixture.DataSource.CreateCommand("SELECT c FROM paged WHERE p = :p");
        select.Parameters.AddWithValue("p", 0);
        select.PageSize = 100;

        var seen = new List<int>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add(reader.GetInt32(0));
            }
        }

        Assert.Equal(Enumerable.Range(0, 1050), seen);

        seen.Clear();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                seen.Add(reader.GetInt32(0));
            }
        }

        Assert.Equal(Enumerable.Range(0, 1050), seen);
    }

    [Fact]
    public async Task A_thousand_requests_in_flight_on_one_connection_all_get_their_own_rows()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS many (id int PRIMARY KEY, label text)");
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            await using var insert = new CqlCommand("INSERT INTO many (id, label) VALUES (:id, :label)", connection);
            insert.Parameters.AddWithValue("id", i);
            insert.Parameters.AddWithValue("label", $"row-{i}");
            await insert.ExecuteNonQueryAsync();
        }));

        var labels = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            await using var select = new CqlCommand("SELECT id, label FROM many WHERE id = :id", connection);
            select.Parameters.AddWithValue("id", i);
            await using var reader = await select.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(i, reader.GetInt32(0));
            return reader.GetString(1);
        }));

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"row-{i}"), labels);
    }
}
