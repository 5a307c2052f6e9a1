using CqlConnector.Serialization;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

public sealed class StatementApiTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    private CqlSession Session => fixture.DataSource.Session;

    public async Task InitializeAsync()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS people (id int PRIMARY KEY, name text, age int)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS hits (page text PRIMARY KEY, n counter)");
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS events (k int, c int, v text, PRIMARY KEY (k, c))");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Simple_statement_binds_positional_and_named_values_and_rows_decode_by_index_and_name()
    {
        await using (await Session.ExecuteAsync(new SimpleStatement("INSERT INTO people (id, name, age) VALUES (?, ?, ?)", 1, "Ada", 36))) { }
        await using (await Session.ExecuteAsync(new SimpleStatement(
            "INSERT INTO people (id, name, age) VALUES (:id, :name, :age)",
            new Dictionary<string, object?> { ["age"] = 45, ["name"] = "Grace", ["id"] = 2 }))) { }

        await using var result = await Session.ExecuteAsync(new SimpleStatement("SELECT id, name, age FROM people WHERE id IN (?, ?)", 1, 2));
        var rows = new Dictionary<int, (string, int)>();
        await foreach (var row in result)
        {
            rows[row.Get<int>(0)] = (row.Get<string>("name"), row.Get<int>("AGE"));
        }

        Assert.Equal(("Ada", 36), rows[1]);
        Assert.Equal(("Grace", 45), rows[2]);
        Assert.Equal(["id", "name", "age"], result.Columns.Select(c => c.Name));
        Assert.False(result.HasMorePages);
        Assert.Null(result.PagingState);
    }

    [Fact]
    public async Task Prepared_statement_exposes_its_markers_and_binds_by_position_or_name()
    {
        var insert = await Session.PrepareAsync("INSERT INTO people (id, name, age) VALUES (:id, :name, ?)");
        Assert.Equal(["id", "name", "age"], insert.Variables.Select(v => v.Name));
        Assert.Equal([CqlType.Int, CqlType.Text, CqlType.Int], insert.Variables.Select(v => v.Type));
        Assert.Equal(fixture.Keyspace, insert.Variables[0].Keyspace);

        await using (await Session.ExecuteAsync(insert.Bind(3, "Linus", 28))) { }
        await using (await Session.ExecuteAsync(insert.Bind(new Dictionary<string, object?> { ["id"] = 4, ["name"] = "Ken", ["age"] = null }))) { }

        var select = await Session.PrepareAsync("SELECT name, age FROM people WHERE id = ?");
        await using var three = await Session.ExecuteAsync(select.Bind(3));
        Assert.Equal("Linus", Assert.Single(three.CurrentPage).Get<string>(0));
        await using var four = await Session.ExecuteAsync(select.Bind(4));
        var row = Assert.Single(four.CurrentPage);
        Assert.True(row.IsNull("age"));
        Assert.Null(row.Get<int?>(1));
        Assert.Null(row[1]);
        var error = Assert.Throws<InvalidCastException>(() => row.Get<int>(1));
        Assert.Contains("'age' is null", error.Message);
    }

    [Fact]
    public async Task Binding_the_wrong_number_of_values_says_which_markers_exist()
    {
        var insert = await Session.PrepareAsync("INSERT INTO people (id, name) VALUES (?, ?)");
        var error = Assert.Throws<ArgumentException>(() => insert.Bind(1));
        Assert.Contains("2 bind marker(s) (id, name) but 1 value(s)", error.Message);
        var named = Assert.Throws<ArgumentException>(() => insert.Bind(new Dictionary<string, object?> { ["id"] = 1, ["nmae"] = "x" }));
        Assert.Contains("no bind marker named 'nmae'", named.Message);
    }

    [Fact]
    public async Task Logged_batch_mixes_simple_and_bound_statements_with_one_timestamp()
    {
        var insert = await Session.PrepareAsync("INSERT INTO events (k, c, v) VALUES (?, ?, ?)");
        var timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(70);
        var batch = new BatchStatement(BatchType.Logged) { Timestamp = timestamp }
            .Add("INSERT INTO events (k, c, v) VALUES (?, ?, ?)", 10, 1, "simple")
            .Add(insert.Bind(10, 2, "bound"))
            .Add(new SimpleStatement("INSERT INTO events (k, c, v) VALUES (10, 3, 'literal')"));
        await using (var result = await Session.ExecuteAsync(batch))
        {
            Assert.NotNull(result.Info.Coordinator);
            Assert.Empty(result.CurrentPage);
        }

        await using var rows = await Session.ExecuteAsync(new SimpleStatement("SELECT c, v, WRITETIME(v) FROM events WHERE k = 10"));
        var read = new List<(int, string, long)>();
        await foreach (var row in rows)
        {
            read.Add((row.Get<int>(0), row.Get<string>(1), row.Get<long>(2)));
        }

        var micros = (timestamp - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.Equal([(1, "simple", micros), (2, "bound", micros), (3, "literal", micros)], read);
    }

    [Fact]
    public async Task Unlogged_and_counter_batches_apply()
    {
        var increment = await Session.PrepareAsync("UPDATE hits SET n = n + ? WHERE page = ?");
        await using (await Session.ExecuteAsync(new BatchStatement(BatchType.Counter).Add(increment.Bind(2L, "home")).Add(increment.Bind(3L, "home")))) { }
        await using (await Session.ExecuteAsync(new BatchStatement(BatchType.Unlogged)
            .Add("INSERT INTO events (k, c, v) VALUES (?, ?, ?)", 11, 1, "a")
            .Add("INSERT INTO events (k, c, v) VALUES (?, ?, ?)", 11, 2, "b"))) { }

        await using var hits = await Session.ExecuteAsync(new SimpleStatement("SELECT n FROM hits WHERE page = 'home'"));
        Assert.Equal(5L, Assert.Single(hits.CurrentPage).Get<long>(0));
        await using var events = await Session.ExecuteAsync(new SimpleStatement("SELECT v FROM events WHERE k = 11"));
        Assert.Equal(["a", "b"], events.CurrentPage.Select(r => r.Get<string>(0)));
    }

    [Fact]
    public async Task Counter_update_in_a_logged_batch_fails_with_the_servers_reason()
    {
        var batch = new BatchStatement(BatchType.Logged).Add("UPDATE hits SET n = n + 1 WHERE page = 'x'");
        var error = await Assert.ThrowsAsync<CqlInvalidQueryException>(() => Session.ExecuteAsync(batch));
        Assert.Contains("ounter", error.Message);
    }

    [Fact]
    public async Task Batches_refuse_nesting_and_empty_batches()
    {
        Assert.Throws<ArgumentException>(() => new BatchStatement().Add(new BatchStatement()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Session.ExecuteAsync(new BatchStatement()));
    }

    [Fact]
    public async Task Rows_are_views_until_their_page_is_released_and_detached_rows_outlive_it()
    {
        await using (await Session.ExecuteAsync(new SimpleStatement("INSERT INTO people (id, name, age) VALUES (?, ?, ?)", 20, "Barbara", 80))) { }
        CqlRow view, detached;
        await using (var result = await Session.ExecuteAsync(new SimpleStatement("SELECT id, name, age FROM people WHERE id = 20")))
        {
            view = result.CurrentPage[0];
            detached = view.Detach();
            Assert.Equal("Barbara", view.Get<string>(1));
        }

        var error = Assert.Throws<ObjectDisposedException>(() => view.Get<string>(1));
        Assert.Contains("Detach", error.Message);
        Assert.Equal("Barbara", detached.Get<string>("name"));
        Assert.Equal([20, "Barbara", 80], detached.ToArray());
    }
}
