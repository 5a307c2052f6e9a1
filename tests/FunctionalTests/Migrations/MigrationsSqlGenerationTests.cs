using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>The exact CQL of each schema change after creation, and the message of each refused one.</summary>
public class MigrationsSqlGenerationTests
{
    [Fact]
    public void Add_column_and_static_column()
        => Assert.Equal(
            [
                "ALTER TABLE \"ks\".\"events\" ADD \"note\" text;\n",
                "ALTER TABLE \"ks\".\"events\" ADD \"owner\" text STATIC;\n",
            ],
            Generate(
                new AddColumnOperation { Table = "events", Name = "note", ClrType = typeof(string), ColumnType = "text" },
                Static(new AddColumnOperation { Table = "events", Name = "owner", ClrType = typeof(string), ColumnType = "text" })));

    [Fact]
    public void Add_column_of_a_user_defined_type_creates_the_type_first()
        => Assert.Equal(
            "CREATE TYPE IF NOT EXISTS \"ks\".\"postal_address\" (\"street\" text, \"city\" text);\n"
            + "ALTER TABLE \"ks\".\"people\" ADD \"Home\" frozen<\"postal_address\">;\n",
            string.Concat(Generate(new AddColumnOperation { Table = "people", Schema = "ks", Name = "Home", ClrType = typeof(PostalAddress), ColumnType = "frozen<\"postal_address\">" })));

    [Fact]
    public void Drop_column()
        => Assert.Equal(
            ["ALTER TABLE \"ks\".\"events\" DROP \"note\";\n"],
            Generate(new DropColumnOperation { Table = "events", Name = "note" }));

    [Fact]
    public void Create_and_drop_index()
        => Assert.Equal(
            [
                "CREATE INDEX IF NOT EXISTS ix_events_note ON \"ks\".\"events\" (\"note\");\n",
                "DROP INDEX IF EXISTS \"ks\".ix_events_note;\n",
            ],
            Generate(
                new CreateIndexOperation { Name = "IX_events_note", Table = "events", Columns = ["note"] },
                new DropIndexOperation { Name = "IX_events_note", Table = "events" }));

    [Fact]
    public void Rename_a_clustering_column()
    {
        using var context = new KeyedContext();
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(
            [new RenameColumnOperation { Table = "readings", Schema = "ks", Name = "at", NewName = "At" }],
            context.GetService<IDesignTimeModel>().Model);

        Assert.Equal("ALTER TABLE \"ks\".\"readings\" RENAME \"at\" TO \"At\";\n", Normalize(Assert.Single(commands).CommandText));
    }

    [Fact]
    public void Rename_of_a_regular_column_is_refused_with_the_Cassandra_way()
    {
        using var context = new KeyedContext();
        var exception = Assert.Throws<NotSupportedException>(() => context.GetService<IMigrationsSqlGenerator>().Generate(
            [new RenameColumnOperation { Table = "readings", Schema = "ks", Name = "value", NewName = "Value" }],
            context.GetService<IDesignTimeModel>().Model));

        Assert.Equal(
            "The migration renames 'readings.value' to 'Value', but Cassandra renames only primary key columns. The Cassandra "
            + "way: add a column named 'Value', copy the values in application code, then drop 'value' in a later migration — "
            + "or keep the column's name and map the property to it with HasColumnName(\"value\").",
            exception.Message);
    }

    [Fact]
    public void Alter_table_options_sets_what_changed_and_resets_what_was_removed()
    {
        var operation = new AlterTableOperation { Name = "events", Comment = "recent events" };
        operation.AddAnnotation("Cassandra:DefaultTimeToLive", 3600);
        operation.AddAnnotation("Cassandra:Compaction", "{'class': 'LeveledCompactionStrategy'}");
        operation.OldTable.AddAnnotation("Cassandra:GcGraceSeconds", 3600);
        operation.OldTable.AddAnnotation("Cassandra:Compaction", "{'class': 'LeveledCompactionStrategy'}");

        Assert.Equal(
            ["ALTER TABLE \"ks\".\"events\" WITH comment = 'recent events' AND default_time_to_live = 3600 AND gc_grace_seconds = 864000;\n"],
            Generate(operation));
    }

    [Fact]
    public void Alter_table_without_option_changes_sends_nothing()
        => Assert.Empty(Generate(new AlterTableOperation { Name = "events" }));

    [Fact]
    public void Alter_column_without_a_type_change_sends_nothing()
        => Assert.Empty(Generate(new AlterColumnOperation
        {
            Table = "events", Name = "note", ClrType = typeof(string), ColumnType = "text", IsNullable = false,
            OldColumn = { ClrType = typeof(string), ColumnType = "text", IsNullable = true },
        }));

    [Fact]
    public void User_defined_type_alter_and_drop()
        => Assert.Equal(
            [
                "ALTER TYPE \"ks\".\"postal_address\" ADD \"Zip\" text;\n",
                "ALTER TYPE \"ks\".\"postal_address\" RENAME \"City\" TO \"Town\";\n",
                "DROP TYPE IF EXISTS \"ks\".\"postal_address\";\n",
            ],
            Generate(
                new AlterUserDefinedTypeOperation { Name = "postal_address", AddedFields = [("Zip", "text")], RenamedFields = [("City", "Town")] },
                new DropUserDefinedTypeOperation { Name = "postal_address" }));

    [Fact]
    public void Changing_a_column_type_is_refused_with_the_Cassandra_way()
        => AssertRefused(
            new AlterColumnOperation { Table = "events", Name = "count", ClrType = typeof(long), ColumnType = "bigint", OldColumn = { ClrType = typeof(int), ColumnType = "int" } },
            "The migration changes the type of 'events.count' from int to bigint, but Cassandra cannot change a column's type "
            + "(its cells are stored in the old type's encoding). The Cassandra way: add a column of the new type under another "
            + "name, copy the values in application code (read each row, write the new column), then drop the old column in a "
            + "later migration.");

    [Fact]
    public void Making_a_column_static_is_refused()
        => AssertRefused(
            Static(new AlterColumnOperation { Table = "events", Name = "owner", ClrType = typeof(string), ColumnType = "text", OldColumn = { ClrType = typeof(string), ColumnType = "text" } }),
            "The migration makes 'events.owner' static or no longer static, but Cassandra cannot change that after the column "
            + "is created. The Cassandra way: add a new column with the wanted kind under another name, copy the values, then "
            + "drop the old column in a later migration.");

    [Theory]
    [InlineData("add")]
    [InlineData("drop")]
    [InlineData("clustering order")]
    public void Changing_the_primary_key_is_refused_with_the_Cassandra_way(string change)
    {
        MigrationOperation operation = change switch
        {
            "add" => new AddPrimaryKeyOperation { Table = "events", Name = "PK_events", Columns = ["id"] },
            "drop" => new DropPrimaryKeyOperation { Table = "events", Name = "PK_events" },
            _ => ClusteringChange(),
        };

        AssertRefused(
            operation,
            "The migration changes the primary key of 'events' (its partition key, clustering columns or clustering order), "
            + "but a Cassandra table's primary key is fixed when it is created: it decides where every row is stored and in "
            + "which order. The Cassandra way: map the entity to a new table with the new key (ToTable(\"new_name\")), copy "
            + "the rows in application code (read them from the old table, write them to the new one), and drop the old "
            + "table in a later migration.");

        static AlterTableOperation ClusteringChange()
        {
            var alter = new AlterTableOperation { Name = "events" };
            alter.AddAnnotation("Cassandra:ClusteringOrderColumns", new[] { "at DESC" });
            alter.OldTable.AddAnnotation("Cassandra:ClusteringOrderColumns", new[] { "at ASC" });
            return alter;
        }
    }

    [Fact]
    public void Foreign_key_is_refused()
        => AssertRefused(
            new AddForeignKeyOperation { Name = "FK_events_users", Table = "events", Columns = ["user"], PrincipalTable = "users", PrincipalColumns = ["id"] },
            "The migration adds the foreign key 'FK_events_users' to 'events', but Cassandra has no foreign keys and no joins. "
            + "Keep the related key as a plain property (ignore the navigation), load related rows with a second query by "
            + "their partition key, and remove the foreign key from the model.");

    [Fact]
    public void Sequence_is_refused()
        => AssertRefused(
            new CreateSequenceOperation { Name = "order_numbers", ClrType = typeof(long) },
            "The migration creates or changes the sequence 'order_numbers', but Cassandra has no sequences. Use "
            + "client-generated keys (Guid, or timeuuid with TimeUuid properties) and remove the sequence from the model.");

    [Fact]
    public void Unique_constraint_is_refused()
        => AssertRefused(
            new AddUniqueConstraintOperation { Name = "AK_users_email", Table = "users", Columns = ["email"] },
            "The migration adds the unique constraint 'AK_users_email' to 'users', but Cassandra cannot enforce uniqueness "
            + "outside the primary key. The Cassandra way: a second table whose primary key is the unique columns, written "
            + "with INSERT ... IF NOT EXISTS (UseInsertIfNotExists()) before the main row; remove the constraint from the "
            + "model.");

    [Fact]
    public void Table_rename_is_refused()
        => AssertRefused(
            new RenameTableOperation { Name = "events", NewName = "old_events" },
            "The migration renames the table 'events' to 'old_events', but Cassandra cannot rename tables. The Cassandra way: "
            + "create 'old_events' (a new migration creates it when the entity maps to it), copy the rows in application "
            + "code, then drop 'events' in a later migration — or keep the name with ToTable(\"events\").");

    [Fact]
    public void History_script_creates_keyspace_and_table_if_not_exists_and_reads_without_order_by()
    {
        using var context = PeopleContext.ForGeneration();
        var history = context.GetService<IHistoryRepository>();

        Assert.Equal(
            """
            CREATE KEYSPACE IF NOT EXISTS "ks" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
            CREATE TABLE IF NOT EXISTS "ks"."__EFMigrationsHistory" (
                "MigrationId" text,
                "ProductVersion" text,
                PRIMARY KEY (("MigrationId"))
            );

            """,
            Normalize(history.GetCreateIfNotExistsScript()));
        Assert.Equal(
            "INSERT INTO \"ks\".\"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\")\nVALUES ('1_Initial', '10.0.15');\n",
            Normalize(history.GetInsertScript(new HistoryRow("1_Initial", "10.0.15"))));
        Assert.Equal(
            "DELETE FROM \"ks\".\"__EFMigrationsHistory\"\nWHERE \"MigrationId\" = '1_Initial';\n",
            Normalize(history.GetDeleteScript("1_Initial")));
    }

    private static void AssertRefused(MigrationOperation operation, string message)
        => Assert.Equal(message, Assert.Throws<NotSupportedException>(() => Generate(operation)).Message);

    private static T Static<T>(T operation)
        where T : MigrationOperation
    {
        operation.AddAnnotation("Cassandra:Static", true);
        return operation;
    }

    private static List<string> Generate(params MigrationOperation[] operations)
    {
        using var context = PeopleContext.ForGeneration();
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations, context.Model)
            .Select(c => Normalize(c.CommandText))
            .ToList();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [EntityFrameworkCore.Cassandra.Metadata.Attributes.UserDefinedType("postal_address")]
    public sealed class PostalAddress
    {
        public string? Street { get; set; }

        public string? City { get; set; }
    }

    private sealed class KeyedContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseCassandra("Contact Points=127.0.0.1;Keyspace=ks");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Reading>(b =>
            {
                b.ToTable("readings");
                b.HasKey(r => new { r.Sensor, r.At });
                b.HasPartitionKey(r => r.Sensor);
                b.Property(r => r.Sensor).HasColumnName("sensor");
                b.Property(r => r.At).HasColumnName("At");
                b.Property(r => r.Value).HasColumnName("Value");
            });
    }

    private sealed class Reading
    {
        public string Sensor { get; set; } = "";

        public DateTime At { get; set; }

        public double Value { get; set; }
    }
}
