using System.Transactions;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// The "database" of a Cassandra model is the set of keyspaces its tables live in: the model's default keyspace
/// exists or not; EnsureCreated creates it and the tables; EnsureDeleted drops the model's keyspaces.
/// </summary>
/// <remarks>
/// Existence is read from the schema tables, which moved in Cassandra 3.0 (<c>system.schema_keyspaces</c> and
/// <c>system.schema_columnfamilies</c> before, <c>system_schema.keyspaces</c> and <c>system_schema.tables</c> since);
/// the connected node's release version chooses.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraDatabaseCreator(RelationalDatabaseCreatorDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder)
    : RelationalDatabaseCreator(dependencies)
{
    /// <inheritdoc />
    public override bool Exists() => AnyRow(SchemaQueries.KeyspaceExists, [DefaultKeyspace()]);

    /// <inheritdoc />
    public override Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
        => AnyRowAsync(SchemaQueries.KeyspaceExists, [DefaultKeyspace()], cancellationToken);

    /// <inheritdoc />
    public override bool HasTables()
        => ModelKeyspaces().Any(keyspace => AnyRow(SchemaQueries.KeyspaceHasTables, [keyspace]));

    /// <inheritdoc />
    public override async Task<bool> HasTablesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var keyspace in ModelKeyspaces())
        {
            if (await AnyRowAsync(SchemaQueries.KeyspaceHasTables, [keyspace], cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override void Create() => Execute([new EnsureSchemaOperation { Name = DefaultKeyspace() }]);

    /// <summary>Creates the model's default keyspace (the tables' keyspaces are ensured with the tables).</summary>
    /// <inheritdoc />
    public override Task CreateAsync(CancellationToken cancellationToken = default)
        => ExecuteAsync([new EnsureSchemaOperation { Name = DefaultKeyspace() }], cancellationToken);

    /// <inheritdoc />
    public override void Delete() => Execute(DropKeyspaceOperations());

    /// <summary>Drops every keyspace the model's tables live in.</summary>
    /// <inheritdoc />
    public override Task DeleteAsync(CancellationToken cancellationToken = default)
        => ExecuteAsync(DropKeyspaceOperations(), cancellationToken);

    private List<MigrationOperation> DropKeyspaceOperations()
        => ModelKeyspaces().Select(MigrationOperation (k) => new DropSchemaOperation { Name = k }).ToList();

    /// <summary>
    /// Creates the default keyspace when it does not exist and the tables when the model's keyspaces have none, as EF's
    /// EnsureCreated does, but sends <c>CREATE KEYSPACE</c> for the default keyspace once: by the time the tables are
    /// created it exists, so only the other keyspaces of the tables are ensured with them.
    /// </summary>
    /// <inheritdoc />
    public override bool EnsureCreated()
    {
        using var transactionScope = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        var created = false;
        if (!Exists())
        {
            // Refuse a type the server lacks before the keyspace exists, so that a failed call leaves nothing behind.
            CheckTypesAgainstServer();
            Create();
            created = true;
        }

        if (!HasTables())
        {
            CreateTables(DefaultKeyspace());
            created = true;
        }

        return created;
    }

    /// <summary>
    /// Creates the default keyspace when it does not exist and the tables when the model's keyspaces have none, sending
    /// <c>CREATE KEYSPACE</c> for the default keyspace once (see <see cref="EnsureCreated"/>).
    /// </summary>
    /// <inheritdoc />
    public override async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        using var transactionScope = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
        var created = false;
        if (!await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Refuse a type the server lacks before the keyspace exists, so that a failed call leaves nothing behind.
            await CheckTypesAgainstServerAsync(cancellationToken).ConfigureAwait(false);
            await CreateAsync(cancellationToken).ConfigureAwait(false);
            created = true;
        }

        if (!await HasTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            await CreateTablesAsync(DefaultKeyspace(), cancellationToken).ConfigureAwait(false);
            created = true;
        }

        return created;
    }

    /// <summary>Creates the tables (and ensures their keyspaces) on a connection that selects no keyspace.</summary>
    /// <inheritdoc />
    public override void CreateTables() => CreateTables(existingKeyspace: null);

    /// <summary>Creates the tables (and ensures their keyspaces) on a connection that selects no keyspace.</summary>
    /// <inheritdoc />
    public override Task CreateTablesAsync(CancellationToken cancellationToken = default)
        => CreateTablesAsync(existingKeyspace: null, cancellationToken);

    private void CreateTables(string? existingKeyspace)
    {
        using var connection = CreateAdminConnection();
        connection.Open();
        CheckTypesAgainstServer(connection);
        Dependencies.MigrationCommandExecutor.ExecuteNonQuery(CreateTablesCommands(existingKeyspace), connection);
    }

    private async Task CreateTablesAsync(string? existingKeyspace, CancellationToken cancellationToken)
    {
        var connection = CreateAdminConnection();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            CheckTypesAgainstServer(connection);
            await Dependencies.MigrationCommandExecutor
                .ExecuteNonQueryAsync(CreateTablesCommands(existingKeyspace), connection, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    // The commands of CreateTables, less the CREATE KEYSPACE of a keyspace known to exist.
    private IReadOnlyList<MigrationCommand> CreateTablesCommands(string? existingKeyspace)
    {
        if (existingKeyspace is null)
        {
            return GetCreateTablesCommands();
        }

        var context = Dependencies.CurrentContext.Context;
        var operations = Dependencies.ModelDiffer
            .GetDifferences(null, context.GetService<IDesignTimeModel>().Model.GetRelationalModel())
            .Where(o => o is not EnsureSchemaOperation ensureSchema || ensureSchema.Name != existingKeyspace)
            .ToList();
        return Dependencies.MigrationsSqlGenerator.Generate(operations, context.Model);
    }

    /// <summary>
    /// Refuses, before any DDL is sent, a column whose CQL type the connected server lacks (e.g. date or smallint
    /// before 2.2), naming the column, the type and both versions.
    /// </summary>
    protected virtual void CheckTypesAgainstServer(IRelationalConnection connection)
    {
        var releaseVersion = connection.DbConnection.ServerVersion;
        var server = CqlTypeRequirements.ParseFullVersion(releaseVersion);
        foreach (var table in Dependencies.CurrentContext.Context.Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                if (CqlTypeRequirements.FindMissing(column.StoreTypeMapping, server) is { } missing)
                {
                    throw new NotSupportedException(
                        CassandraStrings.TypeNotSupportedByServer(
                            table.Name, column.Name, column.StoreType, missing.Feature, releaseVersion, missing.Since.ToString(3)));
                }
            }
        }
    }

    private void CheckTypesAgainstServer()
    {
        using var connection = CreateAdminConnection();
        connection.Open();
        CheckTypesAgainstServer(connection);
    }

    private async Task CheckTypesAgainstServerAsync(CancellationToken cancellationToken)
    {
        var connection = CreateAdminConnection();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            CheckTypesAgainstServer(connection);
        }
    }

    // Keyspace-level work cannot use the context's connection: when the connection string names a keyspace that
    // does not exist (yet, or any more), that connection cannot be opened.
    private ICassandraRelationalConnection CreateAdminConnection()
        => ((ICassandraRelationalConnection)Dependencies.Connection).CreateAdminConnection();

    private void Execute(IReadOnlyList<MigrationOperation> operations)
    {
        using var connection = CreateAdminConnection();
        Dependencies.MigrationCommandExecutor.ExecuteNonQuery(Generate(operations), connection);
    }

    private async Task ExecuteAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        var connection = CreateAdminConnection();
        await using (connection.ConfigureAwait(false))
        {
            await Dependencies.MigrationCommandExecutor
                .ExecuteNonQueryAsync(Generate(operations), connection, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations)
        => Dependencies.MigrationsSqlGenerator.Generate(operations, Dependencies.CurrentContext.Context.Model);

    private bool AnyRow(Func<Version, string> query, object[] parameters)
    {
        using var connection = CreateAdminConnection();
        connection.Open();
        var command = rawSqlCommandBuilder.Build(query(ServerVersion(connection)), parameters);
        using var reader = command.RelationalCommand.ExecuteReader(ParameterObject(connection, command));
        return reader.Read();
    }

    private async Task<bool> AnyRowAsync(
        Func<Version, string> query,
        object[] parameters,
        CancellationToken cancellationToken)
    {
        var connection = CreateAdminConnection();
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = rawSqlCommandBuilder.Build(query(ServerVersion(connection)), parameters);
            var reader = await command.RelationalCommand
                .ExecuteReaderAsync(ParameterObject(connection, command), cancellationToken)
                .ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private RelationalCommandParameterObject ParameterObject(IRelationalConnection connection, RawSqlCommand command)
        => new(
            connection,
            command.ParameterValues,
            null,
            Dependencies.CurrentContext.Context,
            Dependencies.CommandLogger,
            CommandSource.Migrations);

    private static Version ServerVersion(IRelationalConnection connection)
        => SchemaQueries.ParseVersion(connection.DbConnection.ServerVersion);

    private string DefaultKeyspace()
    {
        var model = Dependencies.CurrentContext.Context.Model;
        return model.GetDefaultSchema()
            ?? ModelKeyspaces().FirstOrDefault()
            ?? throw new InvalidOperationException(CassandraStrings.NoKeyspace(model.GetRelationalModel().Tables.FirstOrDefault()?.Name ?? "?"));
    }

    private IReadOnlyList<string> ModelKeyspaces()
    {
        var model = Dependencies.CurrentContext.Context.Model;
        return model.GetRelationalModel().Tables
            .Select(t => t.Schema)
            .Append(model.GetDefaultSchema())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
