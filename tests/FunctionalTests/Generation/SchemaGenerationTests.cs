using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class SchemaGenerationTests
{
    [Fact]
    public void Create_script_creates_the_keyspace_then_the_table_with_its_partition_key()
    {
        using var context = PeopleContext.ForGeneration();

        Assert.Equal(
            """
            CREATE KEYSPACE IF NOT EXISTS "ks" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};

            CREATE TABLE IF NOT EXISTS "ks"."people" (
                "Id" uuid,
                "Name" text,
                "Age" int,
                "Nickname" text,
                "Visits" bigint,
                "Active" boolean,
                "Score" double,
                "Balance" decimal,
                "CreatedAt" timestamp,
                "Photo" blob,
                PRIMARY KEY (("Id"))
            );


            """,
            context.Database.GenerateCreateScript().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_mapped_to_another_keyspace_creates_that_keyspace()
    {
        using var context = new KeyspacedContext();

        var script = context.Database.GenerateCreateScript();

        Assert.Contains("CREATE KEYSPACE IF NOT EXISTS \"archive\"", script);
        Assert.Contains("CREATE TABLE IF NOT EXISTS \"archive\".\"old_people\" (", script);
    }

    [Fact]
    public void Drop_keyspace_and_drop_table()
    {
        using var context = PeopleContext.ForGeneration();
        var generator = context.GetService<IMigrationsSqlGenerator>();

        var commands = generator.Generate(
            [new DropTableOperation { Name = "people" }, new DropSchemaOperation { Name = "ks" }],
            context.Model);

        Assert.Equal(
            ["DROP TABLE IF EXISTS \"ks\".\"people\";\n", "DROP KEYSPACE IF EXISTS \"ks\";\n"],
            commands.Select(c => c.CommandText.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.All(commands, c => Assert.True(c.TransactionSuppressed));
    }

    [Fact]
    public void System_keyspaces_are_never_dropped()
    {
        using var context = PeopleContext.ForGeneration();
        var generator = context.GetService<IMigrationsSqlGenerator>();

        Assert.Throws<InvalidOperationException>(
            () => generator.Generate([new DropSchemaOperation { Name = "system_schema" }], context.Model));
    }

    [Fact]
    public void Operations_cql_cannot_express_yet_are_refused_with_the_remedy()
    {
        using var context = PeopleContext.ForGeneration();
        var generator = context.GetService<IMigrationsSqlGenerator>();

        var exception = Assert.Throws<NotSupportedException>(
            () => generator.Generate(
                [new RenameIndexOperation { Table = "people", Name = "IX_people_Name", NewName = "IX_people_FullName" }],
                context.Model));

        Assert.Contains("RenameIndexOperation", exception.Message);
        Assert.Contains("migrationBuilder.Sql", exception.Message);
    }

    private sealed class KeyspacedContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseCassandra("Contact Points=127.0.0.1;Keyspace=ks");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Person>().ToTable("old_people", "archive");
    }
}
