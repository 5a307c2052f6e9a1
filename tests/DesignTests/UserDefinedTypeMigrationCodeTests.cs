using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>Generated migrations write the user-defined type operations as calls, and refuse an Up that drops fields.</summary>
public sealed class UserDefinedTypeMigrationCodeTests
{
    [Fact]
    public void Type_operations_are_written_as_the_migration_builder_calls()
    {
        var code = Generate(
            [
                new CreateUserDefinedTypeOperation { Name = "geo", Schema = "ks", Fields = [("lat", "double"), ("lon", "double")] },
                new AlterUserDefinedTypeOperation { Name = "address", Schema = "ks", AddedFields = [("zip", "int"), ("location", "frozen<\"geo\">")] },
                new DropUserDefinedTypeOperation { Name = "old_address", Schema = "ks" },
            ],
            [new AlterUserDefinedTypeOperation { Name = "address", DroppedFields = ["zip", "location"] }]);

        Assert.Contains(
            """
                        migrationBuilder.CreateUserDefinedType(
                            name: "geo",
                            fields: new[] { ("lat", "double"), ("lon", "double") },
                            schema: "ks");

                        migrationBuilder.AlterUserDefinedType(
                            name: "address",
                            addedFields: new[] { ("zip", "int"), ("location", "frozen<\"geo\">") },
                            schema: "ks");

                        migrationBuilder.DropUserDefinedType(
                            name: "old_address",
                            schema: "ks");
            """.ReplaceLineEndings("\n"),
            code);
        Assert.Contains("using Microsoft.EntityFrameworkCore;\n", code);
        Assert.Contains(
            """
                        migrationBuilder.AlterUserDefinedType(
                            name: "address",
                            droppedFields: new[] { "zip", "location" });
            """.ReplaceLineEndings("\n"),
            code);
    }

    [Fact]
    public void An_up_that_drops_fields_of_a_type_is_refused_when_the_migration_is_added()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Generate(
            [new AlterUserDefinedTypeOperation { Name = "address", Schema = "ks", AddedFields = [("town", "text")], DroppedFields = ["city"] }],
            [new AlterUserDefinedTypeOperation { Name = "address", Schema = "ks", AddedFields = [("city", "text")], DroppedFields = ["town"] }]));

        Assert.StartsWith(
            "The migration drops the field(s) 'city' of the user-defined type 'ks.address', but Cassandra cannot drop a field of a user-defined type",
            exception.Message);
    }

    private static string Generate(IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down)
    {
        using var services = DesignServices.Create();
        return services.GetRequiredService<IMigrationsCodeGeneratorSelector>().Select("C#")
            .GenerateMigration("Migrations", "Types", up, down)
            .ReplaceLineEndings("\n");
    }
}
