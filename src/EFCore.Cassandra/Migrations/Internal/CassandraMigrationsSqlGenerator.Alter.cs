using System.Globalization;

using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Operations;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

// Schema changes after a table exists: ALTER TABLE (columns, options), ALTER/DROP TYPE, DROP INDEX, key-column renames,
// and the refusals of what CQL cannot change, each saying the Cassandra way (a new table or column, then a copy).
public partial class CassandraMigrationsSqlGenerator
{
    // The values a table option returns to when the model stops configuring it (Cassandra's defaults).
    private static readonly Dictionary<string, string> OptionDefaults = new(StringComparer.Ordinal)
    {
        [CassandraAnnotationNames.DefaultTimeToLive] = "default_time_to_live = 0",
        [CassandraAnnotationNames.GcGraceSeconds] = "gc_grace_seconds = 864000",
        [CassandraAnnotationNames.Compaction] = "compaction = {'class': 'SizeTieredCompactionStrategy'}",
        [CassandraAnnotationNames.Caching] = "caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}",
    };

    /// <summary>
    /// <c>ALTER TABLE "ks"."table" ADD "column" type [STATIC]</c>. CQL 2.x/3.x has no <c>IF NOT EXISTS</c> here, so
    /// applying the statement twice fails; the migrations lock keeps two migrators from doing so.
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(AddColumnOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        builder.Append("ALTER TABLE ").Append(Table(operation.Table, operation.Schema)).Append(" ADD ");
        ColumnDefinition(operation, model, builder);
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary><c>ALTER TABLE "ks"."table" DROP "column"</c> (drop the column's indexes first: Cassandra requires it).</summary>
    /// <inheritdoc />
    protected override void Generate(DropColumnOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        builder
            .Append("ALTER TABLE ")
            .Append(Table(operation.Table, operation.Schema))
            .Append(" DROP ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name));
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary><c>DROP INDEX IF EXISTS "ks".name</c>, the name folded as <see cref="IndexName"/> creates it.</summary>
    /// <inheritdoc />
    protected override void Generate(DropIndexOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        var keyspace = operation.Schema ?? _defaultKeyspace ?? throw new InvalidOperationException(
            Diagnostics.Internal.CassandraStrings.NoKeyspace(operation.Table ?? operation.Name));
        builder
            .Append("DROP INDEX IF EXISTS ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(keyspace))
            .Append(".")
            .Append(IndexName(operation.Name));
        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }

    /// <summary>
    /// <c>ALTER TABLE "ks"."table" RENAME "old" TO "new"</c> for a primary key column, the only kind CQL renames;
    /// renaming any other column is refused with the Cassandra way to do it.
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(RenameColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        var table = model?.GetRelationalModel().FindTable(operation.Table, operation.Schema ?? model.GetDefaultSchema());
        if (table is not null && table.PrimaryKey?.Columns.Any(c => c.Name == operation.NewName) != true)
        {
            throw new NotSupportedException(MigrationsStrings.RenameRegularColumn(operation.Table, operation.Name, operation.NewName));
        }

        var helper = Dependencies.SqlGenerationHelper;
        builder
            .Append("ALTER TABLE ")
            .Append(Table(operation.Table, operation.Schema))
            .Append(" RENAME ")
            .Append(helper.DelimitIdentifier(operation.Name))
            .Append(" TO ")
            .Append(helper.DelimitIdentifier(operation.NewName))
            .AppendLine(helper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// <c>ALTER TABLE "ks"."table" WITH option = value AND ...</c> for the options that changed (comment, default
    /// time-to-live, gc_grace_seconds, compaction, caching; a removed one returns to Cassandra's default). A changed
    /// partition key or clustering order is refused: a table's primary key is fixed.
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(AlterTableOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        if (!SameStrings(operation[CassandraAnnotationNames.PartitionKeyColumns], operation.OldTable[CassandraAnnotationNames.PartitionKeyColumns])
            || !SameStrings(operation[CassandraAnnotationNames.ClusteringOrderColumns], operation.OldTable[CassandraAnnotationNames.ClusteringOrderColumns]))
        {
            throw new NotSupportedException(MigrationsStrings.PrimaryKeyChange(operation.Name));
        }

        var options = new List<string>();
        if (operation.Comment != operation.OldTable.Comment)
        {
            options.Add("comment = " + CqlLiterals.String(operation.Comment ?? ""));
        }

        foreach (var (name, reset) in OptionDefaults)
        {
            var value = operation[name];
            if (Equals(value, operation.OldTable[name]))
            {
                continue;
            }

            options.Add(value switch
            {
                null => reset,
                int number => reset[..(reset.IndexOf('=') + 2)] + number.ToString(CultureInfo.InvariantCulture),
                _ => reset[..(reset.IndexOf('=') + 2)] + value,
            });
        }

        if (options.Count == 0)
        {
            return;
        }

        builder
            .Append("ALTER TABLE ")
            .Append(Table(operation.Name, operation.Schema))
            .Append(" WITH ")
            .Append(string.Join(" AND ", options))
            .AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder);
    }

    /// <summary>
    /// Nothing for what CQL does not store (nullability, comments of columns); a change of the column's CQL type or
    /// of its static kind is refused with the Cassandra way (a new column and a copy).
    /// </summary>
    /// <inheritdoc />
    protected override void Generate(AlterColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        var newType = operation.ColumnType ?? GetColumnType(operation.Schema, operation.Table, operation.Name, operation, model);
        var oldType = operation.OldColumn.ColumnType ?? GetColumnType(operation.Schema, operation.Table, operation.Name, operation.OldColumn, model);
        if (!string.Equals(newType, oldType, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(MigrationsStrings.ColumnTypeChange(operation.Table, operation.Name, oldType ?? "?", newType ?? "?"));
        }

        if ((operation[CassandraAnnotationNames.Static] is true) != (operation.OldColumn[CassandraAnnotationNames.Static] is true))
        {
            throw new NotSupportedException(MigrationsStrings.ColumnStaticChange(operation.Table, operation.Name));
        }
    }

    /// <summary>Refused: a Cassandra table's primary key is fixed when it is created.</summary>
    /// <inheritdoc />
    protected override void Generate(AddPrimaryKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
        => throw new NotSupportedException(MigrationsStrings.PrimaryKeyChange(operation.Table));

    /// <summary>Refused: a Cassandra table's primary key is fixed when it is created.</summary>
    /// <inheritdoc />
    protected override void Generate(DropPrimaryKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
        => throw new NotSupportedException(MigrationsStrings.PrimaryKeyChange(operation.Table));

    /// <summary>Refused: Cassandra has no foreign keys.</summary>
    /// <inheritdoc />
    protected override void Generate(AddForeignKeyOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
        => throw new NotSupportedException(MigrationsStrings.ForeignKey(operation.Name, operation.Table));

    /// <summary>Refused: Cassandra has no sequences.</summary>
    /// <inheritdoc />
    protected override void Generate(CreateSequenceOperation operation, IModel? model, MigrationCommandListBuilder builder)
        => throw new NotSupportedException(MigrationsStrings.Sequence(operation.Name));

    /// <summary>Refused: Cassandra enforces uniqueness only through the primary key.</summary>
    /// <inheritdoc />
    protected override void Generate(AddUniqueConstraintOperation operation, IModel? model, MigrationCommandListBuilder builder)
        => throw new NotSupportedException(MigrationsStrings.UniqueConstraint(operation.Name, operation.Table));

    /// <summary>Refused: Cassandra cannot rename tables.</summary>
    /// <inheritdoc />
    protected override void Generate(RenameTableOperation operation, IModel? model, MigrationCommandListBuilder builder)
        => throw new NotSupportedException(MigrationsStrings.RenameTable(operation.Name, operation.NewName ?? operation.Name));

    /// <summary>
    /// Generates <see cref="AlterUserDefinedTypeOperation"/> (one <c>ALTER TYPE</c> per added or renamed field; dropped
    /// fields are refused, which no Cassandra version can drop) and <see cref="DropUserDefinedTypeOperation"/>.
    /// </summary>
    /// <returns>Whether the operation was one of them.</returns>
    protected virtual bool GenerateUserDefinedTypeChange(MigrationOperation operation, MigrationCommandListBuilder builder)
    {
        var helper = Dependencies.SqlGenerationHelper;
        switch (operation)
        {
            case AlterUserDefinedTypeOperation alter:
                if (alter.DroppedFields.Count > 0)
                {
                    throw new NotSupportedException(MigrationsStrings.UserDefinedTypeFieldDrop(
                        CassandraUserDefinedTypes.DisplayName(alter.Schema ?? _defaultKeyspace, alter.Name), alter.DroppedFields));
                }

                foreach (var (name, type) in alter.AddedFields)
                {
                    builder
                        .Append("ALTER TYPE ").Append(Table(alter.Name, alter.Schema))
                        .Append(" ADD ").Append(helper.DelimitIdentifier(name)).Append(" ").Append(type)
                        .AppendLine(helper.StatementTerminator);
                    EndStatement(builder);
                }

                foreach (var (oldName, newName) in alter.RenamedFields)
                {
                    builder
                        .Append("ALTER TYPE ").Append(Table(alter.Name, alter.Schema))
                        .Append(" RENAME ").Append(helper.DelimitIdentifier(oldName))
                        .Append(" TO ").Append(helper.DelimitIdentifier(newName))
                        .AppendLine(helper.StatementTerminator);
                    EndStatement(builder);
                }

                return true;

            case DropUserDefinedTypeOperation drop:
                builder.Append("DROP TYPE IF EXISTS ").Append(Table(drop.Name, drop.Schema)).AppendLine(helper.StatementTerminator);
                EndStatement(builder);
                return true;

            default:
                return false;
        }
    }

    private static bool SameStrings(object? left, object? right)
        => (left as string[] ?? []).SequenceEqual(right as string[] ?? [], StringComparer.Ordinal);
}
