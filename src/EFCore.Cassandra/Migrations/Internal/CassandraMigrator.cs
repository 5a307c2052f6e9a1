using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Storage;

#pragma warning disable EF1001 // EF's migrator is pubternal; the provider extends it rather than re-implementing it.
#pragma warning disable CS9107 // the base keeps its own copies; these are read by the overrides

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// EF's migrator, run without transactions: while it applies migrations the connection answers its requests for a
/// transaction with one that does nothing, and the history row of every migration is written on its own, like the
/// migration's DDL. The migrations lock (<see cref="CassandraHistoryRepository"/>) keeps two migrators apart.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraMigrator(
    IMigrationsAssembly migrationsAssembly,
    IHistoryRepository historyRepository,
    IDatabaseCreator databaseCreator,
    IMigrationsSqlGenerator migrationsSqlGenerator,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IMigrationCommandExecutor migrationCommandExecutor,
    IRelationalConnection connection,
    ISqlGenerationHelper sqlGenerationHelper,
    ICurrentDbContext currentContext,
    IModelRuntimeInitializer modelRuntimeInitializer,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger,
    IRelationalCommandDiagnosticsLogger commandLogger,
    IDatabaseProvider databaseProvider,
    IMigrationsModelDiffer migrationsModelDiffer,
    IDesignTimeModel designTimeModel,
    IDbContextOptions contextOptions,
    IExecutionStrategy executionStrategy)
    : Migrator(
        migrationsAssembly, historyRepository, databaseCreator, migrationsSqlGenerator, rawSqlCommandBuilder,
        migrationCommandExecutor, connection, sqlGenerationHelper, currentContext, modelRuntimeInitializer, logger,
        commandLogger, databaseProvider, migrationsModelDiffer, designTimeModel, contextOptions, executionStrategy)
{
    private readonly ICassandraRelationalConnection _connection = (ICassandraRelationalConnection)connection;
    private readonly IHistoryRepository _historyRepository = historyRepository;
    private readonly IRawSqlCommandBuilder _rawSqlCommandBuilder = rawSqlCommandBuilder;
    private readonly ICurrentDbContext _currentContext = currentContext;
    private readonly IRelationalCommandDiagnosticsLogger _commandLogger = commandLogger;

    /// <inheritdoc />
    public override void Migrate(string? targetMigration)
    {
        var previous = _connection.IsApplyingMigrations;
        _connection.IsApplyingMigrations = true;
        try
        {
            base.Migrate(targetMigration);
        }
        finally
        {
            _connection.IsApplyingMigrations = previous;
            (_historyRepository as CassandraHistoryRepository)?.ReleaseHeldLocks();
        }
    }

    /// <inheritdoc />
    public override async Task MigrateAsync(string? targetMigration, CancellationToken cancellationToken = default)
    {
        var previous = _connection.IsApplyingMigrations;
        _connection.IsApplyingMigrations = true;
        try
        {
            await base.MigrateAsync(targetMigration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connection.IsApplyingMigrations = previous;
            if (_historyRepository is CassandraHistoryRepository cassandraHistory)
            {
                await cassandraHistory.ReleaseHeldLocksAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The migration's commands, then its history row, every one sent on its own.</summary>
    /// <inheritdoc />
    protected override IReadOnlyList<MigrationCommand> GenerateUpSql(
        Migration migration,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
        => SuppressTransactions(base.GenerateUpSql(migration, options));

    /// <summary>The migration's revert commands, then the removal of its history row, every one sent on its own.</summary>
    /// <inheritdoc />
    protected override IReadOnlyList<MigrationCommand> GenerateDownSql(
        Migration migration,
        Migration? previousMigration,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
        => SuppressTransactions(base.GenerateDownSql(migration, previousMigration, options));

    // EF writes the history row inside a transaction when the migration has no other command (an empty migration);
    // CQL has none, and a script must not ask for one.
    private IReadOnlyList<MigrationCommand> SuppressTransactions(IReadOnlyList<MigrationCommand> commands)
        => commands.All(c => c.TransactionSuppressed)
            ? commands
            : commands
                .Select(c => c.TransactionSuppressed
                    ? c
                    : new MigrationCommand(_rawSqlCommandBuilder.Build(c.CommandText), _currentContext.Context, _commandLogger, transactionSuppressed: true))
                .ToList();
}
