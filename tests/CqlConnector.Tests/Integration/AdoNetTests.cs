using System.Data;
using System.Data.Common;
using CqlConnector.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CqlConnector.Tests.Integration;

/// <summary>The ADO.NET face beyond commands: batching, the provider factory, DI, schema tables.</summary>
public sealed class AdoNetTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, owner text, balance bigint)");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_logged_batch_applies_every_command_with_bound_parameters()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using var batch = connection.CreateBatch();
        for (var i = 1; i <= 3; i++)
        {
            var command = batch.BatchCommands.Add("INSERT INTO accounts (id, owner, balance) VALUES (:id, :owner, :balance)");
            command.Parameters.AddWithValue("id", i);
            command.Parameters.AddWithValue("owner", $"owner-{i}");
            command.Parameters.AddWithValue("balance", 100L * i);
        }

        // A command without parameters goes as text. (All statements of a batch share one write timestamp, so each
        // touches its own row here: two writes of one cell with equal timestamps resolve by value, not by order.)
        batch.BatchCommands.Add("UPDATE accounts SET balance = 7, owner = 'plain' WHERE id = 4");
        Assert.Equal(-1, await batch.ExecuteNonQueryAsync());

        await using var select = new CqlCommand("SELECT id, owner, balance FROM accounts WHERE id IN (1, 2, 3, 4)", connection);
        var rows = new List<(int, string, long)>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        Assert.Equal([(1, "owner-1", 100L), (2, "owner-2", 200L), (3, "owner-3", 300L), (4, "plain", 7L)], rows);
    }

    [Fact]
    public void A_batch_runs_synchronously_too_and_reports_a_conditional_batch_applied_row()
    {
        using var connection = fixture.DataSource.CreateConnection();
        connection.Open();
        using var batch = new CqlBatch(connection) { BatchType = BatchType.Unlogged };
        var insert = batch.BatchCommands.Add("INSERT INTO accounts (id, owner, balance) VALUES (:id, :owner, 0) IF NOT EXISTS");
        insert.Parameters.AddWithValue("id", 42);
        insert.Parameters.AddWithValue("owner", "first");

        using (var reader = batch.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.True(reader.GetBoolean(reader.GetOrdinal("[applied]")));
        }

        using (var reader = batch.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.False(reader.GetBoolean(reader.GetOrdinal("[applied]")));
            Assert.Equal("first", reader.GetString(reader.GetOrdinal("owner")));
        }
    }

    [Fact]
    public async Task An_empty_batch_is_refused_with_an_explanation()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using var batch = connection.CreateBatch();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batch.ExecuteNonQueryAsync());
        Assert.Contains("holds no commands", error.Message);
    }

    [Fact]
    public async Task The_provider_factory_registers_and_creates_every_ado_net_object()
    {
        DbProviderFactories.RegisterFactory(CqlProviderFactory.InvariantName, CqlProviderFactory.Instance);
        var factory = DbProviderFactories.GetFactory(CqlProviderFactory.InvariantName);

        Assert.IsType<CqlCommand>(factory.CreateCommand());
        Assert.IsType<CqlParameter>(factory.CreateParameter());
        Assert.IsType<CqlConnectionStringBuilder>(factory.CreateConnectionStringBuilder());
        Assert.True(factory.CanCreateBatch);
        Assert.IsType<CqlBatch>(factory.CreateBatch());
        Assert.IsType<CqlBatchCommand>(factory.CreateBatchCommand());

        await using var connection = factory.CreateConnection()!;
        connection.ConnectionString = fixture.ConnectionString;
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT release_version FROM system.local";
        Assert.IsType<string>(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AddCqlDataSource_shares_one_data_source_and_hands_out_connections_from_it()
    {
        var services = new ServiceCollection();
        services.AddCqlDataSource(fixture.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var dataSource = provider.GetRequiredService<CqlDataSource>();
        Assert.Same(dataSource, provider.GetRequiredService<DbDataSource>());
        await using var scope = provider.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<CqlConnection>();
        Assert.Same(connection, scope.ServiceProvider.GetRequiredService<DbConnection>());
        Assert.Same(dataSource, connection.CqlDataSource);

        await connection.OpenAsync();
        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task The_schema_table_describes_the_result_columns()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT id, owner, balance FROM accounts LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync();
        var schema = reader.GetSchemaTable();

        Assert.Equal(["id", "owner", "balance"], schema.Rows.Cast<DataRow>().Select(r => (string)r["ColumnName"]));
        Assert.Equal([typeof(int), typeof(string), typeof(long)], schema.Rows.Cast<DataRow>().Select(r => (Type)r["DataType"]));
        Assert.Equal(["int", "text", "bigint"], schema.Rows.Cast<DataRow>().Select(r => (string)r["DataTypeName"]));
        Assert.All(schema.Rows.Cast<DataRow>(), r => Assert.Equal("accounts", r["BaseTableName"]));
    }
}
