using System.Reflection;

using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>Generated migrations write a keyspace's changed replication and durable writes as AlterKeyspace calls.</summary>
public sealed class KeyspaceMigrationCodeTests
{
    private static readonly MigrationOperation[] Up =
    [
        new AlterKeyspaceOperation { Name = "shop", Replication = CassandraReplication.NetworkTopologyStrategy(("dc1", 3), ("dc2", 2)), DurableWrites = false },
        new AlterKeyspaceOperation { Name = "metrics", Replication = CassandraReplication.SimpleStrategy(3) },
    ];

    private static readonly MigrationOperation[] Down =
    [
        new AlterKeyspaceOperation { Name = "shop", Replication = CassandraReplication.SimpleStrategy(1), DurableWrites = true },
        new AlterKeyspaceOperation { Name = "metrics", Replication = CassandraReplication.SimpleStrategy(1) },
    ];

    [Fact]
    public void Keyspace_changes_are_written_as_the_migration_builder_calls()
    {
        var code = Generate(Up, Down);

        Assert.Contains("using Microsoft.EntityFrameworkCore;\n", code);
        Assert.Contains(
            """
                        migrationBuilder.AlterKeyspace(
                            name: "shop",
                            replicationClass: "NetworkTopologyStrategy",
                            replicationFactors: new[] { ("dc1", 3), ("dc2", 2) },
                            durableWrites: false);

                        migrationBuilder.AlterKeyspace(
                            name: "metrics",
                            replicationClass: "SimpleStrategy",
                            replicationFactors: new[] { ("replication_factor", 3) });
            """.ReplaceLineEndings("\n"),
            code);
        Assert.Contains(
            """
                        migrationBuilder.AlterKeyspace(
                            name: "shop",
                            replicationClass: "SimpleStrategy",
                            replicationFactors: new[] { ("replication_factor", 1) },
                            durableWrites: true);
            """.ReplaceLineEndings("\n"),
            code);
    }

    [Fact]
    public void The_written_migration_compiles_and_gives_back_the_same_operations()
    {
        var migration = Compile(Generate(Up, Down));

        Assert.Equal(Describe(Up), Describe(migration.UpOperations));
        Assert.Equal(Describe(Down), Describe(migration.DownOperations));
    }

    private static string[] Describe(IEnumerable<MigrationOperation> operations)
        => [.. operations.Cast<AlterKeyspaceOperation>().Select(o => $"{o.Name} {o.Replication?.ToCql()} {o.DurableWrites}")];

    private static string Generate(IReadOnlyList<MigrationOperation> up, IReadOnlyList<MigrationOperation> down)
    {
        using var services = DesignServices.Create();
        return services.GetRequiredService<IMigrationsCodeGeneratorSelector>().Select("C#")
            .GenerateMigration("Migrations", "Replication", up, down)
            .ReplaceLineEndings("\n");
    }

    private static Migration Compile(string source) => SourceCompiler.CompileOne<Migration>("KeyspaceMigration", source);
}
