using System.Text;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// The migrations history table (<c>"keyspace"."__EFMigrationsHistory"</c>, one row per applied migration) and the
/// migrations lock (<see cref="CassandraMigrationsLock"/>, a lightweight-transaction row of
/// <c>"keyspace"."__EFMigrationsLock"</c>), both in the model's keyspace.
/// </summary>
/// <remarks>
/// CQL has no transactions and no conditional blocks: the history table is created with <c>IF NOT EXISTS</c>, each
/// statement runs on its own, and an idempotent script relies on the statements' own <c>IF NOT EXISTS</c> /
/// <c>IF EXISTS</c>. Rows are read without <c>ORDER BY</c> (CQL orders only within a partition) and sorted here.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraHistoryRepository(HistoryRepositoryDependencies dependencies) : HistoryRepository(dependencies), IHistoryRepository
{
    /// <summary>The name of the lock table, beside the history table.</summary>
    public const string LockTableName = "__EFMigrationsLock";

    private static readonly Version SystemSchemaKeyspaceVersion = new(3, 0);

    private readonly List<CassandraMigrationsLock> _heldLocks = [];

    /// <summary>
    /// How long the lock row outlives a migrator that stopped renewing it (crashed, or cut off from the cluster): the
    /// longest another migrator waits for a dead one.
    /// </summary>
    public virtual TimeSpan LockTimeToLive => TimeSpan.FromSeconds(30);

    /// <summary>The keyspace of the history table: the configured one, else the model's, else the connection's.</summary>
    protected override string TableSchema
        => base.TableSchema
            ?? Dependencies.CurrentContext.Context.Model.GetDefaultSchema()
            ?? Dependencies.Options.FindExtension<CassandraOptionsExtension>()?.EffectiveKeyspace
            ?? throw new InvalidOperationException(MigrationsStrings.NoHistoryKeyspace);

    /// <summary>The lock row lives until its holder deletes it (or its time-to-live ends).</summary>
    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Explicit;

    /// <summary>Reads the history table's name from the schema tables of the connected node's version.</summary>
    protected override string ExistsSql
    {
        get
        {
            var keyspace = CqlLiterals.String(TableSchema);
            var table = CqlLiterals.String(TableName);
            return SchemaQueries.ParseVersion(Dependencies.Connection.DbConnection.ServerVersion) >= SystemSchemaKeyspaceVersion
                ? $"SELECT table_name FROM system_schema.tables WHERE keyspace_name = {keyspace} AND table_name = {table}"
                : $"SELECT columnfamily_name FROM system.schema_columnfamilies WHERE keyspace_name = {keyspace} AND columnfamily_name = {table}";
        }
    }

    /// <inheritdoc />
    protected override bool InterpretExistsResult(object? value) => value is string;

    /// <summary>Whether the keyspace and the history table exist.</summary>
    public override bool Exists()
    {
        if (!Dependencies.DatabaseCreator.Exists())
        {
            return false;
        }

        Dependencies.Connection.Open();
        try
        {
            return InterpretExistsResult(Dependencies.RawSqlCommandBuilder.Build(ExistsSql).ExecuteScalar(ParameterObject()));
        }
        finally
        {
            Dependencies.Connection.Close();
        }
    }

    /// <summary>Whether the keyspace and the history table exist.</summary>
    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!await Dependencies.DatabaseCreator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await Dependencies.Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return InterpretExistsResult(
                await Dependencies.RawSqlCommandBuilder.Build(ExistsSql)
                    .ExecuteScalarAsync(ParameterObject(), cancellationToken)
                    .ConfigureAwait(false));
        }
        finally
        {
            await Dependencies.Connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>CREATE KEYSPACE IF NOT EXISTS</c> (with the model's replication) and <c>CREATE TABLE IF NOT EXISTS</c> for
    /// the history table: safe to run again, so it is also the "if not exists" script.
    /// </summary>
    protected override IReadOnlyList<MigrationCommand> GetCreateCommands()
        => Dependencies.MigrationsSqlGenerator.Generate(
            [
                new EnsureSchemaOperation { Name = TableSchema },
                new CreateTableOperation
                {
                    Name = TableName,
                    Schema = TableSchema,
                    Columns =
                    {
                        new AddColumnOperation { Name = MigrationIdColumnName, Table = TableName, Schema = TableSchema, ClrType = typeof(string), ColumnType = "text" },
                        new AddColumnOperation { Name = ProductVersionColumnName, Table = TableName, Schema = TableSchema, ClrType = typeof(string), ColumnType = "text" },
                    },
                    PrimaryKey = new AddPrimaryKeyOperation { Table = TableName, Schema = TableSchema, Columns = [MigrationIdColumnName] },
                },
            ],
            Dependencies.CurrentContext.Context.Model);

    /// <inheritdoc />
    public override string GetCreateIfNotExistsScript() => GetCreateScript();

    /// <summary>
    /// Creates the history table unless it exists, one statement at a time (EF's default sends the whole script as one
    /// command, which CQL does not accept).
    /// </summary>
    bool IHistoryRepository.CreateIfNotExists()
    {
        if (Exists())
        {
            return false;
        }

        Create();
        return true;
    }

    /// <inheritdoc cref="IHistoryRepository.CreateIfNotExists"/>
    async Task<bool> IHistoryRepository.CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        if (await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await CreateAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Creates the keyspace (if needed) and the history table, one statement at a time.</summary>
    public override void Create()
        => Dependencies.MigrationCommandExecutor.ExecuteNonQuery(GetCreateCommands(), Dependencies.Connection);

    /// <summary>Creates the keyspace (if needed) and the history table, one statement at a time.</summary>
    public override Task CreateAsync(CancellationToken cancellationToken = default)
        => Dependencies.MigrationCommandExecutor.ExecuteNonQueryAsync(GetCreateCommands(), Dependencies.Connection, cancellationToken);

    /// <summary>Every row of the history table (no ORDER BY: CQL sorts only within a partition).</summary>
    protected override string GetAppliedMigrationsSql
        => new StringBuilder()
            .Append("SELECT ")
            .Append(SqlGenerationHelper.DelimitIdentifier(MigrationIdColumnName))
            .Append(", ")
            .Append(SqlGenerationHelper.DelimitIdentifier(ProductVersionColumnName))
            .Append(" FROM ")
            .Append(SqlGenerationHelper.DelimitIdentifier(TableName, TableSchema))
            .Append(SqlGenerationHelper.StatementTerminator)
            .ToString();

    /// <summary>The applied migrations, ordered by id.</summary>
    public override IReadOnlyList<HistoryRow> GetAppliedMigrations()
        => base.GetAppliedMigrations().OrderBy(r => r.MigrationId, StringComparer.Ordinal).ToList();

    /// <summary>The applied migrations, ordered by id.</summary>
    public override async Task<IReadOnlyList<HistoryRow>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default)
        => (await base.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(r => r.MigrationId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// CQL has no conditional blocks: an idempotent script marks each migration with a comment and relies on the
    /// statements themselves (<c>IF NOT EXISTS</c> where CQL has it; the history row is an upsert).
    /// </summary>
    public override string GetBeginIfNotExistsScript(string migrationId)
        => $"-- Migration {migrationId} (CQL has no IF blocks: its statements use IF NOT EXISTS where CQL allows)";

    /// <summary>A comment marking the migration; see <see cref="GetBeginIfNotExistsScript"/>.</summary>
    public override string GetBeginIfExistsScript(string migrationId)
        => $"-- Revert of migration {migrationId} (CQL has no IF blocks: its statements use IF EXISTS where CQL allows)";

    /// <summary>Nothing: no block was opened.</summary>
    public override string GetEndIfScript() => string.Empty;

    /// <summary>Waits for the lock row and takes it (synchronous I/O; sleeps between attempts).</summary>
    public override IMigrationsDatabaseLock AcquireDatabaseLock()
        => AcquireAsync(async: false, CancellationToken.None).GetAwaiter().GetResult(); // async: false completes synchronously

    /// <summary>Waits for the lock row and takes it.</summary>
    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
        => await AcquireAsync(async: true, cancellationToken).ConfigureAwait(false);

    private async Task<IMigrationsDatabaseLock> AcquireAsync(bool async, CancellationToken cancellationToken)
    {
        Dependencies.MigrationsLogger.AcquiringMigrationLock();
        var dataSource = ((CqlConnection)Dependencies.Connection.DbConnection).CqlDataSource;
        var table = SqlGenerationHelper.DelimitIdentifier(LockTableName, TableSchema);
        var logger = Dependencies.MigrationsLogger.Logger;
        var acquired = await CassandraMigrationsLock.AcquireAsync(
                this,
                dataSource,
                table,
                LockTimeToLive,
                holder => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(
                    logger, "The migrations lock in {Table} is held by {Holder}; waiting for it.", table, holder),
                async,
                cancellationToken)
            .ConfigureAwait(false);
        _heldLocks.Add(acquired);
        return acquired;
    }

    /// <summary>
    /// Releases the locks this repository took that are still held. EF's migrator releases its lock when it is done,
    /// but not when creating the history table fails; the provider's migrator calls this after every Migrate so that
    /// a lock never outlives the Migrate call that took it (its renewal would otherwise keep it alive).
    /// </summary>
    public virtual void ReleaseHeldLocks()
    {
        foreach (var held in _heldLocks)
        {
            held.Dispose();
        }

        _heldLocks.Clear();
    }

    /// <inheritdoc cref="ReleaseHeldLocks"/>
    public virtual async Task ReleaseHeldLocksAsync()
    {
        foreach (var held in _heldLocks)
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }

        _heldLocks.Clear();
    }

    private RelationalCommandParameterObject ParameterObject()
        => new(
            Dependencies.Connection,
            null,
            null,
            Dependencies.CurrentContext.Context,
            Dependencies.CommandLogger,
            CommandSource.Migrations);
}
