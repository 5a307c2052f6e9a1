using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>A context whose schema lives only in the migrations below, applied one by one by the tests.</summary>
public sealed class SequenceContext(DbContextOptions<SequenceContext> options) : DbContext(options)
{
    public static SequenceContext Create(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<SequenceContext>().UseCassandra(connectionString);
        configure?.Invoke(builder);
        return new SequenceContext(builder.Options);
    }
}

/// <summary>Tables with composite keys: a two-column partition key, two clustering columns (one descending), a static column.</summary>
[DbContext(typeof(SequenceContext))]
[Migration(Id)]
public sealed class M1CreateTables : Migration
{
    public const string Id = "20250101000001_CreateTables";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    tenant = table.Column<string>(type: "text"),
                    day = table.Column<int>(type: "int"),
                    at = table.Column<DateTime>(type: "timestamp"),
                    id = table.Column<Guid>(type: "uuid"),
                    owner = table.Column<string>(type: "text", nullable: true).Annotation("Cassandra:Static", true),
                    payload = table.Column<string>(type: "text", nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_events", x => new { x.tenant, x.day, x.at, x.id }))
            .Annotation("Cassandra:PartitionKeyColumns", new[] { "tenant", "day" })
            .Annotation("Cassandra:ClusteringOrderColumns", new[] { "at DESC", "id ASC" });

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid"),
                name = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "users");
        migrationBuilder.DropTable(name: "events");
    }
}

[DbContext(typeof(SequenceContext))]
[Migration(Id)]
public sealed class M2AddNote : Migration
{
    public const string Id = "20250101000002_AddNote";

    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(name: "note", table: "events", type: "text", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "note", table: "events");
}

[DbContext(typeof(SequenceContext))]
[Migration(Id)]
public sealed class M3IndexNote : Migration
{
    public const string Id = "20250101000003_IndexNote";

    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex(name: "IX_events_note", table: "events", column: "note");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex(name: "IX_events_note", table: "events");
}

[DbContext(typeof(SequenceContext))]
[Migration(Id)]
public sealed class M4AddAddressType : Migration
{
    public const string Id = "20250101000004_AddAddressType";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateUserDefinedType("address", [("street", "text"), ("city", "text")]);
        migrationBuilder.AddColumn<string>(name: "home", table: "users", type: "frozen<address>", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "home", table: "users");
        migrationBuilder.DropUserDefinedType("address");
    }
}

[DbContext(typeof(SequenceContext))]
[Migration(Id)]
public sealed class M5DropNote : Migration
{
    public const string Id = "20250101000005_DropNote";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Cassandra refuses to drop an indexed column: the index goes first.
        migrationBuilder.DropIndex(name: "IX_events_note", table: "events");
        migrationBuilder.DropColumn(name: "note", table: "events");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "note", table: "events", type: "text", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_events_note", table: "events", column: "note");
    }
}
