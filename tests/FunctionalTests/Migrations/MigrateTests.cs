using System.Collections.Concurrent;
using System.Data.Common;

using Cassandra.TestInfrastructure;

using CqlConnector;
using CqlConnector.Cluster.Metadata;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>Database.Migrate on the real node: the live schema after each migration, history rows, locking, scripts.</summary>
public sealed class MigrateTests : IAsyncLifetime
{
    private static readonly string[] AllMigrations = [M1CreateTables.Id, M2AddNote.Id, M3IndexNote.Id, M4AddAddressType.Id, M5DropNote.Id];

    private readonly List<string> _keyspaces = [];
    private CassandraEndpoint _endpoint = null!;
    private CqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await CassandraServer.GetAsync();
        _dataSource = CqlDataSource.Create($"Contact Points={_endpoint.Host};Port={_endpoint.Port}");
    }

    public async Task DisposeAsync()
    {
        foreach (var keyspace in _keyspaces)
        {
            await using var command = _dataSource.CreateCommand($"DROP KEYSPACE IF EXISTS \"{keyspace}\"");
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Migrations_applied_one_by_one_change_the_live_schema_and_write_history()
    {
        var keyspace = NewKeyspace();
        await using var context = SequenceContext.Create(ConnectionString(keyspace));
        var migrator = context.GetService<IMigrator>();

        await migrator.MigrateAsync(M1CreateTables.Id);
        var events = await TableAsync(keyspace, "events");
        Assert.Equal(["tenant", "day"], events.PartitionKey.Select(c => c.Name));
        Assert.Equal(["at", "id"], events.ClusteringColumns.Select(c => c.Name));
        Assert.Equal([ClusteringOrder.Descending, ClusteringOrder.Ascending], events.ClusteringColumns.Select(c => c.ClusteringOrder));
        Assert.Equal(["owner"], events.StaticColumns.Select(c => c.Name));
        Assert.Equal(["id"], (await TableAsync(keyspace, "users")).PartitionKey.Select(c => c.Name));

        await migrator.MigrateAsync(M2AddNote.Id);
        Assert.Equal("text", (await TableAsync(keyspace, "events")).GetColumn("note")?.Type.ToString());

        await migrator.MigrateAsync(M3IndexNote.Id);
        Assert.Equal(["ix_events_note"], (await TableAsync(keyspace, "events")).Indexes.Select(i => i.Name));

        await migrator.MigrateAsync(M4AddAddressType.Id);
        var address = (await _dataSource.Session.GetKeyspaceAsync(keyspace))!.GetUserType("address");
        Assert.NotNull(address);
        Assert.Equal(["street", "city"], address.Fields.Select(f => f.Key));
        var home = (await TableAsync(keyspace, "users")).GetColumn("home");
        Assert.NotNull(home);
        Assert.Equal("address", home.Type.Name);

        await migrator.MigrateAsync(M5DropNote.Id);
        events = await TableAsync(keyspace, "events");
        Assert.Null(events.GetColumn("note"));
        Assert.Empty(events.Indexes);

        Assert.Equal(AllMigrations, await HistoryAsync(keyspace));
        Assert.Equal(AllMigrations, (await context.Database.GetAppliedMigrationsAsync()).ToArray());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_second_Migrate_sends_no_statement()
    {
        var keyspace = NewKeyspace();
        await using (var first = SequenceContext.Create(ConnectionString(keyspace)))
        {
            await first.Database.MigrateAsync();
        }

        var counter = new NonQueryCounter();
        await using var second = SequenceContext.Create(ConnectionString(keyspace), o => o.AddInterceptors(counter));
        await second.Database.MigrateAsync();

        Assert.Empty(counter.Texts);
        Assert.Equal(AllMigrations, await HistoryAsync(keyspace));
    }

    [Fact]
    public async Task Synchronous_Migrate_applies_every_migration()
    {
        var keyspace = NewKeyspace();
        await using var context = SequenceContext.Create(ConnectionString(keyspace));

        context.Database.Migrate();

        Assert.Equal(AllMigrations, context.Database.GetAppliedMigrations());
        Assert.Null((await TableAsync(keyspace, "events")).GetColumn("note"));
    }

    [Fact]
    public async Task Two_migrators_started_at_once_apply_each_migration_exactly_once()
    {
        var keyspace = NewKeyspace();
        var counter = new NonQueryCounter();
        await using var a = SequenceContext.Create(ConnectionString(keyspace), o => o.AddInterceptors(counter));
        await using var b = SequenceContext.Create(ConnectionString(keyspace), o => o.AddInterceptors(counter));

        await Task.WhenAll(Task.Run(() => a.Database.MigrateAsync()), Task.Run(() => b.Database.MigrateAsync()))
            .WaitAsync(TimeSpan.FromMinutes(2));

        var historyInserts = counter.Texts.Where(t => t.StartsWith("INSERT INTO", StringComparison.Ordinal)).ToList();
        Assert.Equal(AllMigrations.Length, historyInserts.Count);
        Assert.All(AllMigrations, id => Assert.Single(historyInserts, t => t.Contains(id, StringComparison.Ordinal)));
        // Both create the keyspace (IF NOT EXISTS) before taking the lock, as EF's migrator does; every other
        // statement runs once, under the lock.
        Assert.Empty(counter.Texts
            .Where(t => !t.StartsWith("CREATE KEYSPACE IF NOT EXISTS", StringComparison.Ordinal))
            .GroupBy(t => t)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key));
        Assert.Equal(AllMigrations, await HistoryAsync(keyspace));
    }

    [Fact]
    public async Task The_lock_row_is_gone_after_Migrate_and_a_held_lock_makes_the_next_migrator_wait()
    {
        var keyspace = NewKeyspace();
        await using var context = SequenceContext.Create(ConnectionString(keyspace));
        await context.Database.MigrateAsync(M1CreateTables.Id);
        Assert.Equal(0, await CountAsync($"SELECT \"Id\" FROM \"{keyspace}\".\"__EFMigrationsLock\""));

        await context.Database.OpenConnectionAsync();
        var history = context.GetService<IHistoryRepository>();
        var held = await history.AcquireDatabaseLockAsync();
        Assert.Equal(1, await CountAsync($"SELECT \"Id\" FROM \"{keyspace}\".\"__EFMigrationsLock\""));

        await using var other = SequenceContext.Create(ConnectionString(keyspace));
        var waiting = other.Database.MigrateAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        Assert.Equal([M1CreateTables.Id], await HistoryAsync(keyspace));

        await held.DisposeAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(AllMigrations, await HistoryAsync(keyspace));
    }

    [Fact]
    public async Task Idempotent_script_runs_statement_by_statement_on_an_empty_keyspace()
    {
        var keyspace = NewKeyspace();
        await using var context = SequenceContext.Create(ConnectionString(keyspace));
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.StartsWith($"CREATE KEYSPACE IF NOT EXISTS \"{keyspace}\"", script, StringComparison.Ordinal);
        Assert.Contains($"-- Migration {M2AddNote.Id} (CQL has no IF blocks", script, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", script, StringComparison.Ordinal);

        // As cqlsh does: statements end with ';' at the end of a line.
        foreach (var statement in script.Replace("\r\n", "\n", StringComparison.Ordinal).Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var cql = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            if (cql.Trim().Length == 0)
            {
                continue;
            }

            await using var command = _dataSource.CreateCommand(cql);
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(AllMigrations, await HistoryAsync(keyspace));
        Assert.Equal(["tenant", "day"], (await TableAsync(keyspace, "events")).PartitionKey.Select(c => c.Name));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    private string NewKeyspace()
    {
        var keyspace = $"t_migrate_{Guid.NewGuid():N}"[..30];
        _keyspaces.Add(keyspace);
        return keyspace;
    }

    private string ConnectionString(string keyspace) => $"Contact Points={_endpoint.Host};Port={_endpoint.Port};Keyspace={keyspace}";

    private async Task<TableMetadata> TableAsync(string keyspace, string table)
        => await _dataSource.Session.GetTableAsync(keyspace, table) ?? throw new InvalidOperationException($"No table {keyspace}.{table}.");

    private async Task<string[]> HistoryAsync(string keyspace)
    {
        var ids = new List<string>();
        await using var command = _dataSource.CreateCommand($"SELECT \"MigrationId\" FROM \"{keyspace}\".\"__EFMigrationsHistory\"");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private async Task<int> CountAsync(string cql)
    {
        var count = 0;
        await using var command = _dataSource.CreateCommand(cql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            count++;
        }

        return count;
    }

    /// <summary>Records the text of every non-query command EF sends (DDL and history rows).</summary>
    private sealed class NonQueryCounter : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public List<string> Texts => [.. _texts];

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            _texts.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
