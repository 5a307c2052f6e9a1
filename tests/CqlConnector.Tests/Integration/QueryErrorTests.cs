using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Integration;

public sealed class QueryErrorTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    [Fact]
    public async Task Syntax_error_raises_CqlSyntaxErrorException_with_the_server_message()
    {
        await using var command = fixture.DataSource.CreateCommand("SELEC * FROM nowhere");
        var error = await Assert.ThrowsAsync<CqlSyntaxErrorException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(CqlConnector.Protocol.CqlErrorCode.SyntaxError, error.Code);
        Assert.Contains("SELEC", error.Message);
        Assert.NotNull(error.Coordinator);
    }

    [Fact]
    public async Task Unknown_table_raises_CqlInvalidQueryException()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT * FROM no_such_table");
        var error = await Assert.ThrowsAsync<CqlInvalidQueryException>(() => command.ExecuteReaderAsync());

        Assert.Equal(CqlConnector.Protocol.CqlErrorCode.Invalid, error.Code);
        Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public async Task Creating_an_existing_table_raises_CqlAlreadyExistsException_naming_it()
    {
        await fixture.ExecuteAsync("CREATE TABLE twice (id int PRIMARY KEY)");
        await using var command = fixture.DataSource.CreateCommand("CREATE TABLE twice (id int PRIMARY KEY)");
        var error = await Assert.ThrowsAsync<CqlAlreadyExistsException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(fixture.Keyspace, error.Keyspace);
        Assert.Equal("twice", error.Table);
    }

    [Fact]
    public async Task Errors_leave_the_connection_usable()
    {
        await using var connection = fixture.DataSource.CreateConnection();
        await connection.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await using var bad = new CqlCommand("SELEC 1", connection);
            await Assert.ThrowsAsync<CqlSyntaxErrorException>(() => bad.ExecuteNonQueryAsync());
        }

        await using var good = new CqlCommand("SELECT release_version FROM system.local", connection);
        Assert.IsType<string>(await good.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Missing_parameter_is_reported_before_anything_is_sent()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS params (id int PRIMARY KEY, name text)");
        await using var command = fixture.DataSource.CreateCommand("INSERT INTO params (id, name) VALUES (:id, :name)");
        command.Parameters.AddWithValue("id", 1);

        var error = await Assert.ThrowsAsync<CqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("2 bind marker(s) but 1 parameter(s)", error.Message);
    }
}
