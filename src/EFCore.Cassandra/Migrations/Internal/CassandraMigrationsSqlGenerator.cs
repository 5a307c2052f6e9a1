using System.Text;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;
using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Operations;
using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// CQL DDL for schema operations: a schema is a keyspace (<c>CREATE KEYSPACE IF NOT EXISTS</c>), a table is created
/// with its primary key as partition key (and clustering columns), and every statement runs outside a transaction.
/// </summary>
/// <remarks>
/// Operations this version cannot express in CQL raise <see cref="NotSupportedException"/> saying so, rather than
/// producing SQL that Cassandra would reject. A table or seed row without a schema goes to the configured keyspace.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public partial class CassandraMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IDbContextOptions options)
    : MigrationsSqlGenerator(dependencies)
{
    private readonly string? _defaultKeyspace = options.FindExtension<CassandraOptionsExtension>()?.EffectiveKeyspace;

    /// <summary>
    /// The replication of keyspaces the provider creates: one replica, which suits a development node; production
    /// keyspaces are created by operations or configured in the model (a later version).
    /// </summary>
    public const string DefaultReplication = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    /// <summary>
    /// Creates a keyspace when it does not exist yet, with the replication the model configures: its map is written
    /// again from its entries (never copied into the statement as it is), and text that is not a CQL map with a
    /// <c>class</c> entry is refused.
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(EnsureSchemaOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        var replication = DefaultReplication;
        if (model?.GetKeyspaceReplication(operation.Name) is { } configured)
        {
            replication = CassandraReplication.NormalizeCql(configured)
                ?? throw new InvalidOperationException(MigrationsStrings.InvalidReplication(operation.Name, configured));
        }

        builder
            .Append("CREATE KEYSPACE IF NOT EXISTS ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name))
            .Append(" WITH replication = ")
            .Append(replication);
        if (model?[CassandraAnnotationNames.DurableWritesPrefix + operation.Name] is bool durableWrites)
        {
            builder.Append(" AND durable_writes = ").Append(Storage.Internal.CqlLiterals.Boolean(durableWrites));
        }

        builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// <c>ALTER KEYSPACE "ks" WITH replication = {...} AND durable_writes = ...</c>, with the settings the operation
    /// changes (nothing when it changes none). The replication map is written from its validated class and factors.
    /// </summary>
    protected virtual void Generate(AlterKeyspaceOperation operation, MigrationCommandListBuilder builder)
    {
        var options = new List<string>(2);
        if (operation.Replication is { } replication)
        {
            options.Add("replication = " + replication.ToCql());
        }

        if (operation.DurableWrites is { } durableWrites)
        {
            options.Add("durable_writes = " + Storage.Internal.CqlLiterals.Boolean(durableWrites));
        }

        if (options.Count == 0)
        {
            return;
        }

        builder
            .Append("ALTER KEYSPACE ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name))
            .Append(" WITH ")
            .Append(string.Join(" AND ", options))
            .AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// Inserts a <see cref="CreateUserDefinedTypeOperation"/> before the first table or column that uses each
    /// user-defined type (a type used by another type's field first), so that every type exists before anything refers
    /// to it. The fields are the ones <paramref name="model"/> records — a migration's target model, so that applying an
    /// old migration creates the type it knew and the later migrations add the fields after it — else the class's.
    /// </summary>
    /// <inheritdoc />
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations,
        IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var recorded = CassandraUserDefinedTypes.FromModel(model);
        var withTypes = new List<MigrationOperation>(operations.Count);
        var created = new HashSet<(string?, string)>();
        foreach (var operation in operations)
        {
            if (operation is CreateTableOperation table)
            {
                foreach (var column in table.Columns)
                {
                    AddUserDefinedTypes(ColumnMapping(column), table.Schema, recorded, created, withTypes);
                }
            }
            else if (operation is AddColumnOperation addColumn)
            {
                AddUserDefinedTypes(ColumnMapping(addColumn), addColumn.Schema, recorded, created, withTypes);
            }
            else if (operation is CreateUserDefinedTypeOperation createType)
            {
                created.Add((createType.Schema, createType.Name));
            }

            withTypes.Add(operation);
        }

        return base.Generate(withTypes, model, options);
    }

    // The column type takes part: a complex type's class is a user-defined type only through the column type naming it.
    private RelationalTypeMapping? ColumnMapping(ColumnOperation column)
        => Dependencies.TypeMappingSource.FindMapping(column.ClrType, column.ColumnType)
            ?? Dependencies.TypeMappingSource.FindMapping(column.ClrType);

    // A nested type the recorded model lacks is left out: the class gained it later, and so does the migration that adds it.
    private static void AddUserDefinedTypes(
        RelationalTypeMapping? mapping,
        string? schema,
        IReadOnlyList<CassandraUserDefinedType> recorded,
        HashSet<(string?, string)> created,
        List<MigrationOperation> operations)
        => CassandraUserDefinedTypes.Visit(mapping, (udt, nested) =>
        {
            var fields = recorded.Count == 0
                ? udt.FieldTypes
                : recorded.FirstOrDefault(t => t.Keyspace == schema && t.Name == udt.TypeName)?.Fields ?? (nested ? null : udt.FieldTypes);
            if (fields is not null && created.Add((schema, udt.TypeName)))
            {
                operations.Add(new CreateUserDefinedTypeOperation { Name = udt.TypeName, Schema = schema, Fields = fields });
            }
        });

    /// <summary>Generates the provider's own operations, then EF's.</summary>
    /// <inheritdoc />
    protected override void Generate(MigrationOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (operation is CreateUserDefinedTypeOperation createType)
        {
            Generate(createType, builder);
            return;
        }

        if (operation is AlterKeyspaceOperation alterKeyspace)
        {
            Generate(alterKeyspace, builder);
            return;
        }

        if (GenerateUserDefinedTypeChange(operation, builder))
        {
            return;
        }

        base.Generate(operation, model, builder);
    }

    /// <summary><c>CREATE TYPE IF NOT EXISTS "ks"."name" ("field" type, ...)</c>.</summary>
    protected virtual void Generate(CreateUserDefinedTypeOperation operation, MigrationCommandListBuilder builder)
    {
        var helper = Dependencies.SqlGenerationHelper;
        builder
            .Append("CREATE TYPE IF NOT EXISTS ")
            .Append(Table(operation.Name, operation.Schema))
            .Append(" (")
            .Append(string.Join(", ", operation.Fields.Select(f => helper.DelimitIdentifier(f.Name) + " " + f.Type)))
            .Append(")")
            .AppendLine(helper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// <c>CREATE INDEX IF NOT EXISTS name ON "ks"."table" ("column")</c>: a secondary index on one column. The index
    /// name is written unquoted (Cassandra 2.1 accepts no quoted index names), so it is folded to lower case letters,
    /// digits and underscores.
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(CreateIndexOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        builder
            .Append("CREATE INDEX IF NOT EXISTS ")
            .Append(IndexName(operation.Name))
            .Append(" ON ")
            .Append(Table(operation.Table, operation.Schema))
            .Append(" (")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Columns[0]))
            .Append(")");

        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary>The index name CQL accepts unquoted on every version.</summary>
    public static string IndexName(string name)
        => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    /// <summary>Drops a keyspace with everything in it.</summary>
    /// <inheritdoc />
    protected override void Generate(DropSchemaOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (IsSystemKeyspace(operation.Name))
        {
            throw new InvalidOperationException(CassandraStrings.CannotDropSystemKeyspace(operation.Name));
        }

        builder
            .Append("DROP KEYSPACE IF EXISTS ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name))
            .AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }

    /// <inheritdoc />
    protected override void Generate(
        CreateTableOperation operation,
        IModel? model,
        MigrationCommandListBuilder builder,
        bool terminate = true)
    {
        if (operation.PrimaryKey is null || operation.PrimaryKey.Columns.Length == 0)
        {
            throw new InvalidOperationException(CassandraStrings.KeylessTableNotSupported(operation.Name, operation.Name));
        }

        builder
            .Append("CREATE TABLE IF NOT EXISTS ")
            .Append(Table(operation.Name, operation.Schema))
            .AppendLine(" (");

        using (builder.Indent())
        {
            foreach (var column in operation.Columns)
            {
                ColumnDefinition(column, model, builder);
                builder.AppendLine(",");
            }

            builder.Append("PRIMARY KEY (");
            PrimaryKeyDefinition(operation, builder);
            builder.AppendLine(")");
        }

        builder.Append(")");
        TableOptions(operation, builder);

        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <inheritdoc />
    protected override void Generate(
        DropTableOperation operation,
        IModel? model,
        MigrationCommandListBuilder builder,
        bool terminate = true)
    {
        builder.Append("DROP TABLE IF EXISTS ").Append(Table(operation.Name, operation.Schema));

        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary>Seed rows: one INSERT statement each (CQL sends one statement per request).</summary>
    /// <inheritdoc />
    protected override void Generate(
        InsertDataOperation operation,
        IModel? model,
        MigrationCommandListBuilder builder,
        bool terminate = true)
    {
        foreach (var command in GenerateModificationCommands(operation, model))
        {
            var sql = new StringBuilder();
            SqlGenerator.AppendInsertOperation(sql, command, 0, out _);
            builder.Append(sql.ToString()).AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary>Raw CQL, sent as written.</summary>
    /// <inheritdoc />
    protected override void Generate(SqlOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        builder.Append(operation.Sql);
        EndStatement(builder);
    }

    /// <summary>Cassandra has no transactions: every statement is sent on its own.</summary>
    /// <inheritdoc />
    protected override void EndStatement(MigrationCommandListBuilder builder, bool suppressTransaction = false)
        => builder.EndCommand(suppressTransaction: true);

    /// <summary>Appends <c>"name" type</c>: CQL columns have no NULL/NOT NULL, defaults or computed values.</summary>
    protected override void ColumnDefinition(AddColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (operation.ComputedColumnSql is not null)
        {
            throw new NotSupportedException(CassandraStrings.ComputedColumnNotSupported(operation.Name, operation.Table));
        }

        if (operation.DefaultValue is not null || operation.DefaultValueSql is not null)
        {
            throw new NotSupportedException(CassandraStrings.DefaultValueNotSupported(operation.Name, operation.Table));
        }

        builder
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name))
            .Append(" ")
            .Append(operation.ColumnType ?? GetColumnType(operation.Schema, operation.Table, operation.Name, operation, model)!);

        if (operation[CassandraAnnotationNames.Static] is true)
        {
            builder.Append(" STATIC");
        }
    }

    /// <summary>
    /// Appends the inside of <c>PRIMARY KEY (...)</c>: the partition key in its own parentheses, then the clustering
    /// columns (the other key columns, in key order). Without partition key information the first key column is the
    /// partition key.
    /// </summary>
    protected virtual void PrimaryKeyDefinition(CreateTableOperation operation, MigrationCommandListBuilder builder)
    {
        var helper = Dependencies.SqlGenerationHelper;
        var columns = operation.PrimaryKey!.Columns;
        var partition = operation[CassandraAnnotationNames.PartitionKeyColumns] as string[] ?? [columns[0]];
        builder.Append("(").Append(string.Join(", ", partition.Select(c => helper.DelimitIdentifier(c)))).Append(")");
        foreach (var clustering in columns.Where(c => !partition.Contains(c)))
        {
            builder.Append(", ").Append(helper.DelimitIdentifier(clustering));
        }
    }

    /// <summary>
    /// Appends <c> WITH ...</c>: the clustering order (when a clustering column is descending), the comment, default
    /// time-to-live, gc_grace_seconds, compaction and caching, each only when configured.
    /// </summary>
    protected virtual void TableOptions(CreateTableOperation operation, MigrationCommandListBuilder builder)
    {
        var helper = Dependencies.SqlGenerationHelper;
        var options = new List<string>();
        if (operation[CassandraAnnotationNames.ClusteringOrderColumns] is string[] clustering
            && clustering.Any(c => c.EndsWith(" DESC", StringComparison.Ordinal)))
        {
            options.Add("CLUSTERING ORDER BY (" + string.Join(", ", clustering.Select(c =>
            {
                var space = c.LastIndexOf(' ');
                return helper.DelimitIdentifier(c[..space]) + c[space..];
            })) + ")");
        }

        if (operation.Comment is not null)
        {
            options.Add("comment = " + Storage.Internal.CqlLiterals.String(operation.Comment));
        }

        if (operation[CassandraAnnotationNames.DefaultTimeToLive] is int ttl)
        {
            options.Add("default_time_to_live = " + ttl.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (operation[CassandraAnnotationNames.GcGraceSeconds] is int gcGrace)
        {
            options.Add("gc_grace_seconds = " + gcGrace.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (operation[CassandraAnnotationNames.Compaction] is string compaction)
        {
            options.Add("compaction = " + compaction);
        }

        if (operation[CassandraAnnotationNames.Caching] is string caching)
        {
            options.Add("caching = " + caching);
        }

        if (options.Count > 0)
        {
            builder.AppendLine().Append("WITH ").Append(string.Join(" AND ", options));
        }
    }

    /// <summary><c>"keyspace"."table"</c>, the keyspace falling back to the configured one.</summary>
    protected virtual string Table(string name, string? schema)
    {
        var keyspace = schema ?? _defaultKeyspace ?? throw new InvalidOperationException(CassandraStrings.NoKeyspace(name));
        return Dependencies.SqlGenerationHelper.DelimitIdentifier(name, keyspace);
    }

    private static bool IsSystemKeyspace(string keyspace)
        => keyspace.StartsWith("system", StringComparison.Ordinal) || keyspace == "dse_system";

#pragma warning disable CS1591 // each one refuses an operation CQL cannot express in this version (the refusals that
    // explain the Cassandra way, and the ALTER operations, are in CassandraMigrationsSqlGenerator.Alter.cs)
    protected override void Generate(AddCheckConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(RenameIndexOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(AlterSequenceOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(DropForeignKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true) => throw Unsupported(operation);
    protected override void Generate(DropSequenceOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(DropUniqueConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(DropCheckConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(RenameSequenceOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(RestartSequenceOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(UpdateDataOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
    protected override void Generate(DeleteDataOperation operation, IModel? model, MigrationCommandListBuilder builder) => throw Unsupported(operation);
#pragma warning restore CS1591

    private static NotSupportedException Unsupported(MigrationOperation operation)
        => new(CassandraStrings.MigrationOperationNotSupported(operation.GetType().Name));
}
