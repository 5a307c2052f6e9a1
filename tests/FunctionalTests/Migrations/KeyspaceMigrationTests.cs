using System.Text.Json;

using Cassandra.TestInfrastructure;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

using static EntityFrameworkCore.Cassandra.FunctionalTests.Migrations.MigrationServices;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>
/// A keyspace's replication and durable writes in migrations: a change between the snapshot and the model becomes
/// exact <c>ALTER KEYSPACE</c> CQL (the Down restores the previous settings), and nothing else does.
/// </summary>
public class KeyspaceMigrationTests
{
    private const string SimpleOne = "ALTER KEYSPACE \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};\n";

    [Fact]
    public void SimpleStrategy_to_NetworkTopologyStrategy_alters_the_replication_and_the_down_restores_it()
    {
        using var context = new OneTableContext<Row>("rows");
        var snapshot = Model(context); // a snapshot of a model that configured nothing: the keyspace has SimpleStrategy 1
        var model = Model(context, b => b.HasKeyspaceReplication("ks", CassandraReplication.NetworkTopologyStrategy(("dc1", 3))));

        var up = Differ(context).GetDifferences(snapshot, model);
        var down = Differ(context).GetDifferences(model, snapshot);

        var alter = Assert.IsType<AlterKeyspaceOperation>(Assert.Single(up));
        Assert.Equal("ks", alter.Name);
        Assert.Null(alter.DurableWrites);
        Assert.Equal(["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3};\n"], Generate(context, up));
        Assert.Equal([SimpleOne], Generate(context, down));
        Assert.True(Differ(context).HasDifferences(snapshot, model));
    }

    [Fact]
    public void A_changed_factor_alters_the_replication()
    {
        using var context = new OneTableContext<Row>("rows");
        var simpleOne = Model(context, b => b.HasKeyspaceReplication("ks", "SimpleStrategy", ("replication_factor", 1)));
        var simpleThree = Model(context, b => b.HasKeyspaceReplication("ks", "SimpleStrategy", ("replication_factor", 3)));
        var oneDc = Model(context, b => b.HasKeyspaceReplication("ks", "NetworkTopologyStrategy", ("dc1", 3)));
        var twoDcs = Model(context, b => b.HasKeyspaceReplication("ks", "NetworkTopologyStrategy", ("dc1", 3), ("dc2", 2)));

        Assert.Equal(
            ["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3};\n"],
            Generate(context, Differ(context).GetDifferences(simpleOne, simpleThree)));
        Assert.Equal([SimpleOne], Generate(context, Differ(context).GetDifferences(simpleThree, simpleOne)));
        Assert.Equal(
            ["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2};\n"],
            Generate(context, Differ(context).GetDifferences(oneDc, twoDcs)));
        Assert.Equal(
            ["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3};\n"],
            Generate(context, Differ(context).GetDifferences(twoDcs, oneDc)));
    }

    [Fact]
    public void Durable_writes_off_to_on_alters_only_durable_writes()
    {
        using var context = new OneTableContext<Row>("rows");
        var off = Model(context, b => b.HasKeyspaceDurableWrites("ks", false));
        var on = Model(context); // durable writes are on unless configured

        var up = Differ(context).GetDifferences(off, on);

        Assert.Null(Assert.IsType<AlterKeyspaceOperation>(Assert.Single(up)).Replication);
        Assert.Equal(["ALTER KEYSPACE \"ks\" WITH durable_writes = true;\n"], Generate(context, up));
        Assert.Equal(["ALTER KEYSPACE \"ks\" WITH durable_writes = false;\n"], Generate(context, Differ(context).GetDifferences(on, off)));
    }

    [Fact]
    public void Replication_and_durable_writes_change_in_one_statement()
    {
        using var context = new OneTableContext<Row>("rows");
        var before = Model(context);
        var after = Model(context, b => b
            .HasKeyspaceReplication("ks", CassandraReplication.NetworkTopologyStrategy(("dc1", 3)))
            .HasKeyspaceDurableWrites("ks", false));

        Assert.Equal(
            ["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3} AND durable_writes = false;\n"],
            Generate(context, Differ(context).GetDifferences(before, after)));
        Assert.Equal(
            ["ALTER KEYSPACE \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1} AND durable_writes = true;\n"],
            Generate(context, Differ(context).GetDifferences(after, before)));
    }

    [Fact]
    public void The_keyspace_is_altered_before_the_table_changes_of_the_same_migration()
    {
        using var context = new OneTableContext<Row>("rows");
        var before = Model(context);
        var after = Model(context, b => b.HasKeyspaceReplication("ks", CassandraReplication.SimpleStrategy(2)), withNote: true);

        Assert.Equal(
            [
                "ALTER KEYSPACE \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2};\n",
                "ALTER TABLE \"ks\".\"rows\" ADD \"Note\" text;\n",
            ],
            Generate(context, Differ(context).GetDifferences(before, after)));
    }

    [Fact]
    public void A_snapshot_without_the_annotations_gives_no_operation_against_the_same_or_the_default_settings()
    {
        using var context = new OneTableContext<Row>("rows");
        var oldSnapshot = Model(context);
        var explicitDefaults = Model(context, b => b
            .HasKeyspaceReplication("ks", "org.apache.cassandra.locator.SimpleStrategy", ("replication_factor", 1))
            .HasKeyspaceDurableWrites("ks", true));

        Assert.Empty(Differ(context).GetDifferences(oldSnapshot, Current(context)));
        Assert.Empty(Differ(context).GetDifferences(Current(context), oldSnapshot));
        Assert.Empty(Differ(context).GetDifferences(oldSnapshot, explicitDefaults));
        Assert.Empty(Differ(context).GetDifferences(explicitDefaults, oldSnapshot));
        Assert.False(Differ(context).HasDifferences(oldSnapshot, explicitDefaults));
    }

    [Fact]
    public void Data_centres_listed_in_another_order_are_the_same_replication()
    {
        using var context = new OneTableContext<Row>("rows");
        var before = Model(context, b => b.HasAnnotation("Cassandra:Replication:ks", "{'class': 'NetworkTopologyStrategy', 'dc2': 2, 'dc1': 3}"));
        var after = Model(context, b => b.HasKeyspaceReplication("ks", "NetworkTopologyStrategy", ("dc1", 3), ("dc2", 2)));

        Assert.Empty(Differ(context).GetDifferences(before, after));
    }

    [Fact]
    public void A_new_keyspace_is_created_with_its_settings_and_not_altered()
    {
        using var context = new OneTableContext<Row>("rows");
        var before = Model(context);
        var after = Model(context, b =>
        {
            b.HasKeyspaceReplication("archive", CassandraReplication.SimpleStrategy(3)).HasKeyspaceDurableWrites("archive", false);
            b.Entity("Archived", e =>
            {
                e.Property<Guid>("Id");
                e.HasKey("Id");
                e.ToTable("archived", "archive");
            });
        });

        var up = Differ(context).GetDifferences(before, after);

        Assert.DoesNotContain(up, o => o is AlterKeyspaceOperation);
        Assert.Equal(
            "CREATE KEYSPACE IF NOT EXISTS \"archive\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3} AND durable_writes = false;\n",
            Generate(context, up, after.Model)[0]);
        Assert.DoesNotContain(Differ(context).GetDifferences(null, after), o => o is AlterKeyspaceOperation);
    }

    [Fact]
    public void A_changed_replication_that_is_not_a_class_with_factors_is_refused()
    {
        using var context = new OneTableContext<Row>("rows");
        var before = Model(context);
        var after = Model(context, b => b.HasAnnotation("Cassandra:Replication:ks", "{'class': 'NetworkTopologyStrategy', 'dc1': '3'}); DROP KEYSPACE ks; --"));

        Assert.True(Differ(context).HasDifferences(before, after));
        Assert.StartsWith(
            "The replication of the keyspace 'ks' changes, but one side of the change, {'class': 'NetworkTopologyStrategy', "
            + "'dc1': '3'}); DROP KEYSPACE ks; --, is not a replication class with integer factors",
            Assert.Throws<InvalidOperationException>(() => Differ(context).GetDifferences(before, after)).Message);
    }

    [Fact]
    public void The_builder_call_validates_its_values_and_the_CQL_quotes_them()
    {
        var migrationBuilder = new MigrationBuilder("Cassandra");
        migrationBuilder.AlterKeyspace("my\"ks", "NetworkTopologyStrategy", [("dc'1", 3)], durableWrites: false);
        migrationBuilder.AlterKeyspace("ks", durableWrites: true);

        using var context = new OneTableContext<Row>("rows");
        Assert.Equal(
            [
                "ALTER KEYSPACE \"my\"\"ks\" WITH replication = {'class': 'NetworkTopologyStrategy', 'dc''1': 3} AND durable_writes = false;\n",
                "ALTER KEYSPACE \"ks\" WITH durable_writes = true;\n",
            ],
            Generate(context, migrationBuilder.Operations));
        Assert.Throws<ArgumentException>(() => migrationBuilder.AlterKeyspace("ks"));
        Assert.Throws<ArgumentException>(() => migrationBuilder.AlterKeyspace("ks", replicationFactors: [("dc1", 3)]));
        Assert.Throws<ArgumentException>(() => migrationBuilder.AlterKeyspace("ks", "SimpleStrategy", [("dc1", 3)]));
        Assert.Throws<ArgumentException>(() => migrationBuilder.AlterKeyspace("ks", "NetworkTopologyStrategy"));
    }

    // A model as a snapshot builds it (no conventions): the "rows" table in keyspace "ks", plus the keyspace settings.
    private static IRelationalModel Model(DbContext context, Action<ModelBuilder>? keyspace = null, bool withNote = false)
    {
        var builder = new ModelBuilder();
        builder.HasDefaultSchema("ks");
        keyspace?.Invoke(builder);
        builder.Entity("EntityFrameworkCore.Cassandra.FunctionalTests.Migrations.KeyspaceMigrationTests+Row", b =>
        {
            b.Property<Guid>("Id");
            if (withNote)
            {
                b.Property<string>("Note").HasColumnType("text");
            }

            b.HasKey("Id");
            b.ToTable("rows", "ks");
        });

        return MigrationServices.Finalize(context, builder);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
    }
}

/// <summary>The ALTER KEYSPACE a migration generates, applied to the real node and read back from its schema tables.</summary>
public sealed class KeyspaceMigrationLiveTests : IAsyncLifetime
{
    private readonly string _keyspace = $"t_ksmig_{Guid.NewGuid():N}"[..28];
    private CassandraEndpoint _endpoint = null!;
    private CqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await CassandraServer.GetAsync();
        _dataSource = CqlDataSource.Create($"Contact Points={_endpoint.Host};Port={_endpoint.Port}");
    }

    public async Task DisposeAsync()
    {
        await using (var command = _dataSource.CreateCommand($"DROP KEYSPACE IF EXISTS \"{_keyspace}\""))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task The_generated_alter_keyspace_changes_the_live_replication_and_its_down_restores_it()
    {
        var dataCenter = await ScalarAsync("SELECT data_center FROM system.local");
        await using var before = new SettingsContext(ConnectionString);
        await using var after = new ChangedSettingsContext(ConnectionString, dataCenter);
        await before.Database.EnsureCreatedAsync();
        Assert.Equal(("SimpleStrategy", "{\"replication_factor\":\"1\"}", true), await KeyspaceAsync());

        var differ = after.GetService<IMigrationsModelDiffer>();
        var (source, target) = (Current(before), Current(after));
        await ApplyAsync(after, differ.GetDifferences(source, target));
        Assert.Equal(("NetworkTopologyStrategy", $"{{\"{dataCenter}\":\"2\"}}", false), await KeyspaceAsync());

        await ApplyAsync(before, differ.GetDifferences(target, source));
        Assert.Equal(("SimpleStrategy", "{\"replication_factor\":\"1\"}", true), await KeyspaceAsync());

        // The migration call that changes durable writes alone leaves the replication as it is.
        var migrationBuilder = new MigrationBuilder("Cassandra");
        migrationBuilder.AlterKeyspace(_keyspace, durableWrites: false);
        await ApplyAsync(before, migrationBuilder.Operations);
        Assert.Equal(("SimpleStrategy", "{\"replication_factor\":\"1\"}", false), await KeyspaceAsync());
    }

    private string ConnectionString => $"Contact Points={_endpoint.Host};Port={_endpoint.Port};Keyspace={_keyspace}";

    private static async Task ApplyAsync(DbContext context, IReadOnlyList<MigrationOperation> operations)
    {
        Assert.IsType<AlterKeyspaceOperation>(Assert.Single(operations));
        await context.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(
            context.GetService<IMigrationsSqlGenerator>().Generate(operations), context.GetService<IRelationalConnection>());
    }

    // The keyspace's replication class (short name), options as JSON and durable writes: from system.schema_keyspaces on
    // Cassandra 2.x, from the driver's schema metadata (system_schema.keyspaces) on later versions.
    private async Task<(string Strategy, string Options, bool DurableWrites)> KeyspaceAsync()
    {
        if (!(await ScalarAsync("SELECT release_version FROM system.local")).StartsWith("2.", StringComparison.Ordinal))
        {
            var keyspace = (await _dataSource.Session.GetKeyspaceAsync(_keyspace))!;
            return (CassandraReplication.ShortClassName(keyspace.ReplicationStrategy), JsonSerializer.Serialize(keyspace.ReplicationOptions), keyspace.DurableWrites);
        }

        await using var command = _dataSource.CreateCommand(
            $"SELECT strategy_class, strategy_options, durable_writes FROM system.schema_keyspaces WHERE keyspace_name = '{_keyspace}'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (CassandraReplication.ShortClassName(reader.GetString(0)), reader.GetString(1), reader.GetBoolean(2));
    }

    private async Task<string> ScalarAsync(string cql)
    {
        await using var command = _dataSource.CreateCommand(cql);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private class SettingsContext(string connectionString) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseCassandra(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Row>(b => b.ToTable("rows"));
    }

    // The same table; its keyspace replicated in the node's data centre, without durable writes.
    private sealed class ChangedSettingsContext(string connectionString, string dataCenter) : SettingsContext(connectionString)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder
                .HasKeyspaceReplication(CassandraReplication.NetworkTopologyStrategy((dataCenter, 2)))
                .HasKeyspaceDurableWrites(false);
        }
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
    }
}
