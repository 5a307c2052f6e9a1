using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

using Cassandra.TestInfrastructure;

using CqlConnector;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>
/// The real <c>dotnet ef</c> (the repository's local tool) on a small project written to a temporary folder:
/// migrations add, database update, migrations script, dbcontext scaffold from the resulting keyspace, a build of the
/// scaffolded code, a comparison of the scaffolded model with the original, then migrations remove --force.
/// </summary>
/// <remarks>
/// The project is built only when its sources changed (three builds in all); every <c>dotnet ef</c> command runs with
/// <c>--no-build</c>. Builds run without node reuse or a shared compiler server, so nothing outlives the test.
/// </remarks>
public sealed class DotnetEfEndToEndTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Migrations_then_scaffold_round_trip_the_keys_clustering_order_and_column_types()
    {
        var endpoint = await CassandraServer.GetAsync();
        var repository = RepositoryRoot();
        var keyspace = "efcli_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={keyspace}";
        var project = Directory.CreateTempSubdirectory("efcass-cli-").FullName;
        try
        {
            WriteProject(project, repository, ReadingsContext(connectionString));
            string[] ef = ["tool", "run", "dotnet-ef", "--"];
            string[] noBuild = ["--no-build", "--configuration", "Release"];

            await RunAsync(project, "tool", "restore");
            await BuildAsync(project);

            await RunAsync(project, [.. ef, "migrations", "add", "Initial", "--context", "TinyContext", .. noBuild]);
            var migration = Assert.Single(Directory.GetFiles(Path.Combine(project, "Migrations"), "*_Initial.cs"));
            // Snapshots call the fluent API in its static form (EF does so for every provider extension).
            var snapshot = await File.ReadAllTextAsync(Path.Combine(project, "Migrations", "TinyContextModelSnapshot.cs"));
            Assert.True(snapshot.Contains("CassandraEntityTypeBuilderExtensions.HasPartitionKey(b, new[] { \"Tenant\", \"Day\" })", StringComparison.Ordinal), snapshot);
            Assert.True(snapshot.Contains("HasClusteringOrder(b.Property<DateTime>(\"At\"), ClusteringOrder.Descending)", StringComparison.Ordinal), snapshot);
            Assert.True(snapshot.Contains("IsStaticColumn(b.Property<string>(\"Site\"))", StringComparison.Ordinal), snapshot);
            Assert.False(snapshot.Contains("HasAnnotation(\"Cassandra:PartitionKey\"", StringComparison.Ordinal), snapshot);
            await BuildAsync(project);

            await RunAsync(project, [.. ef, "database", "update", "--context", "TinyContext", .. noBuild]);
            await RunAsync(project, [.. ef, "migrations", "script", "-o", "x.cql", "--context", "TinyContext", .. noBuild]);
            var script = await File.ReadAllTextAsync(Path.Combine(project, "x.cql"));
            Assert.Contains("CREATE TABLE", script, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("readings", script, StringComparison.Ordinal);

            await RunAsync(
                project,
                [.. ef, "dbcontext", "scaffold", connectionString, "EFCore.Cassandra", "-o", "Scaffolded",
                 "--context", "ScaffoldedContext", "--namespace", "Tiny.Scaffolded", "--context-namespace", "Tiny.Scaffolded", .. noBuild]);
            var scaffoldedContext = await File.ReadAllTextAsync(Path.Combine(project, "Scaffolded", "ScaffoldedContext.cs"));
            Assert.Contains($"UseCassandra(\"{connectionString}\")", scaffoldedContext);
            Assert.True(scaffoldedContext.Contains(".HasClusteringOrder(ClusteringOrder.Descending)", StringComparison.Ordinal), scaffoldedContext);
            Assert.False(scaffoldedContext.Contains("HasAnnotation(\"Cassandra:", StringComparison.Ordinal), scaffoldedContext);
            Assert.False(File.Exists(Path.Combine(project, "Scaffolded", "EfmigrationsHistory.cs")));
            await BuildAsync(project);

            var (original, scaffolded) = DescribeModels(Path.Combine(project, "bin", "Release", "net10.0", "Tiny.dll"));
            Assert.Contains("pk=(tenant,day) ck=(at Descending,sensor Ascending) static=(site)", original);
            Assert.Equal(original, scaffolded);

            await RunAsync(project, [.. ef, "migrations", "remove", "--force", "--context", "TinyContext", .. noBuild]);
            Assert.False(File.Exists(migration));
            await using var dataSource = CqlDataSource.Create(connectionString);
            Assert.Null(await dataSource.Session.GetTableAsync(keyspace, "readings")); // --force reverted it
        }
        finally
        {
            await using (var dataSource = CqlDataSource.Create($"Contact Points={endpoint.Host};Port={endpoint.Port}"))
            await using (var drop = dataSource.CreateCommand($"DROP KEYSPACE IF EXISTS {keyspace}"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task A_member_added_to_a_user_defined_type_class_becomes_an_alter_type_that_applies_to_the_keyspace_and_from_scratch()
    {
        var endpoint = await CassandraServer.GetAsync();
        var repository = RepositoryRoot();
        var keyspace = "efudt_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={keyspace}";
        var project = Directory.CreateTempSubdirectory("efcass-udt-").FullName;
        try
        {
            WriteProject(project, repository, ShopContext(connectionString, withZip: false));
            string[] ef = ["tool", "run", "dotnet-ef", "--"];
            string[] noBuild = ["--no-build", "--configuration", "Release"];

            await RunAsync(project, "tool", "restore");
            await BuildAsync(project);
            await RunAsync(project, [.. ef, "migrations", "add", "Initial", .. noBuild]);
            var snapshot = await File.ReadAllTextAsync(Path.Combine(project, "Migrations", "ShopContextModelSnapshot.cs"));
            Assert.True(
                snapshot.Contains($"CassandraModelBuilderExtensions.HasUserDefinedType(modelBuilder, \"{keyspace}\", \"address\", new[] {{ (\"street\", \"text\") }});", StringComparison.Ordinal),
                snapshot);
            await BuildAsync(project);
            await RunAsync(project, [.. ef, "database", "update", .. noBuild]);

            // The class gains a member: the new migration adds the field, and its Down says it cannot drop it.
            await File.WriteAllTextAsync(Path.Combine(project, "TinyContext.cs"), ShopContext(connectionString, withZip: true));
            await BuildAsync(project);
            await RunAsync(project, [.. ef, "migrations", "add", "AddZip", .. noBuild]);
            var migration = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(project, "Migrations"), "*_AddZip.cs")));
            var up = migration[migration.IndexOf("void Up(", StringComparison.Ordinal)..migration.IndexOf("void Down(", StringComparison.Ordinal)];
            Assert.True(up.Contains("migrationBuilder.AlterUserDefinedType(", StringComparison.Ordinal), migration);
            Assert.True(up.Contains("addedFields: new[] { (\"zip\", \"int\") }", StringComparison.Ordinal), migration);
            Assert.True(migration.Contains("droppedFields: new[] { \"zip\" }", StringComparison.Ordinal), migration);
            await BuildAsync(project);

            await RunAsync(project, [.. ef, "migrations", "script", "Initial", "AddZip", "-o", "zip.cql", .. noBuild]);
            Assert.Contains($"ALTER TYPE \"{keyspace}\".\"address\" ADD \"zip\" int;", await File.ReadAllTextAsync(Path.Combine(project, "zip.cql")));

            await RunAsync(project, [.. ef, "database", "update", .. noBuild]);
            Assert.Equal("Main 12345", RoundTrip(Path.Combine(project, "bin", "Release", "net10.0", "Tiny.dll"), connectionString));

            // Applied from scratch, the first migration creates the type it knew and the second adds the field.
            await DropKeyspaceAsync(endpoint, keyspace);
            await RunAsync(project, [.. ef, "database", "update", .. noBuild]);
            Assert.Equal("Main 12345", RoundTrip(Path.Combine(project, "bin", "Release", "net10.0", "Tiny.dll"), connectionString));
        }
        finally
        {
            await DropKeyspaceAsync(endpoint, keyspace);
            Directory.Delete(project, recursive: true);
        }
    }

    private static async Task DropKeyspaceAsync(CassandraEndpoint endpoint, string keyspace)
    {
        await using var dataSource = CqlDataSource.Create($"Contact Points={endpoint.Host};Port={endpoint.Port}");
        await using var drop = dataSource.CreateCommand($"DROP KEYSPACE IF EXISTS {keyspace}");
        await drop.ExecuteNonQueryAsync();
    }

    // One customer with an address; the probe writes and reads one with the member the class gains.
    private static string ShopContext(string connectionString, bool withZip)
        => $$"""
            using EntityFrameworkCore.Cassandra.Metadata.Attributes;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Design;

            namespace Tiny;

            [UserDefinedType("address")]
            public class Address
            {
                public string? Street { get; set; }
            {{(withZip ? "    public int? Zip { get; set; }" : "")}}
            }

            public class Customer
            {
                public Guid Id { get; set; }
                public Address? Home { get; set; }
            }

            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                    => modelBuilder.Entity<Customer>(e => e.ToTable("customers"));
            }

            public sealed class ShopFactory : IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args)
                    => new(new DbContextOptionsBuilder<ShopContext>().UseCassandra(args.Length > 0 ? args[0] : "{{connectionString}}").Options);
            }

            public static class Probe
            {
                public static string RoundTrip(string connectionString)
                {
            {{(withZip ? """
                    using var db = new ShopFactory().CreateDbContext([connectionString]);
                    var id = Guid.NewGuid();
                    db.Add(new Customer { Id = id, Home = new Address { Street = "Main", Zip = 12345 } });
                    db.SaveChanges();
                    db.ChangeTracker.Clear();
                    var home = db.Customers.Single(c => c.Id == id).Home!;
                    return home.Street + " " + home.Zip;
            """ : "        return \"\";")}}
                }
            }
            """;

    // Loads the built project in a collectible context and writes and reads a customer through its Probe.
    private static string RoundTrip(string assemblyPath, string connectionString)
    {
        var context = new AssemblyLoadContext("shop", isCollectible: true);
        try
        {
            var probe = context.LoadFromAssemblyPath(assemblyPath).GetType("Tiny.Probe", throwOnError: true)!;
            return (string)probe.GetMethod("RoundTrip")!.Invoke(null, [connectionString])!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static void WriteProject(string project, string repository, string contextSource)
    {
        Directory.CreateDirectory(Path.Combine(project, ".config"));
        File.Copy(Path.Combine(repository, ".config", "dotnet-tools.json"), Path.Combine(project, ".config", "dotnet-tools.json"));
        File.Copy(Path.Combine(repository, "global.json"), Path.Combine(project, "global.json"));
        var src = Path.Combine(repository, "src");
        File.WriteAllText(Path.Combine(project, "Tiny.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Tiny</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/EFCore.Cassandra/EFCore.Cassandra.csproj" />
                <ProjectReference Include="{src}/EFCore.Cassandra.Design/EFCore.Cassandra.Design.csproj" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="{typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]}" PrivateAssets="all" />
              </ItemGroup>
              <!-- What the EFCore.Cassandra.Design package's build targets do for a package reference. -->
              <Import Project="{src}/EFCore.Cassandra.Design/build/EFCore.Cassandra.Design.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "TinyContext.cs"), contextSource);
    }

    private static string ReadingsContext(string connectionString)
        => $$"""
            using EntityFrameworkCore.Cassandra.Metadata;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Design;

            namespace Tiny;

            public class Reading
            {
                public string Tenant { get; set; } = "";
                public int Day { get; set; }
                public DateTime At { get; set; }
                public Guid Sensor { get; set; }
                public string? Site { get; set; }
                public double? Value { get; set; }
                public List<int>? Samples { get; set; }
                public HashSet<string>? Tags { get; set; }
                public Dictionary<string, int>? Counts { get; set; }
            }

            public class TinyContext(DbContextOptions<TinyContext> options) : DbContext(options)
            {
                public DbSet<Reading> Readings => Set<Reading>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                    => modelBuilder.Entity<Reading>(e =>
                    {
                        e.ToTable("readings");
                        e.HasKey(r => new { r.Tenant, r.Day, r.At, r.Sensor });
                        e.HasPartitionKey(r => new { r.Tenant, r.Day });
                        e.Property(r => r.Tenant).HasColumnName("tenant");
                        e.Property(r => r.Day).HasColumnName("day");
                        e.Property(r => r.At).HasColumnName("at").HasClusteringOrder(ClusteringOrder.Descending);
                        e.Property(r => r.Sensor).HasColumnName("sensor");
                        e.Property(r => r.Site).HasColumnName("site").IsStaticColumn();
                        e.Property(r => r.Value).HasColumnName("value");
                        e.Property(r => r.Samples).HasColumnName("samples");
                        e.Property(r => r.Tags).HasColumnName("tags");
                        e.Property(r => r.Counts).HasColumnName("counts");
                        e.HasIndex(r => r.Value, "readings_value_idx");
                        e.HasDefaultTimeToLive(TimeSpan.FromHours(1));
                    });
            }

            public sealed class TinyFactory : IDesignTimeDbContextFactory<TinyContext>
            {
                public TinyContext CreateDbContext(string[] args)
                    => new(new DbContextOptionsBuilder<TinyContext>().UseCassandra("{{connectionString}}").Options);
            }
            """;

    // Loads the built project in a collectible context (EF and the provider come from this process) and describes the
    // table of both contexts' design-time models.
    private static (string Original, string Scaffolded) DescribeModels(string assemblyPath)
    {
        var context = new AssemblyLoadContext("tiny", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var factory = Activator.CreateInstance(assembly.GetType("Tiny.TinyFactory", throwOnError: true)!)!;
            using var original = (DbContext)factory.GetType().GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;
            using var scaffolded = (DbContext)Activator.CreateInstance(assembly.GetType("Tiny.Scaffolded.ScaffoldedContext", throwOnError: true)!)!;
            return (Describe(original), Describe(scaffolded));
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Describe(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        return string.Join(
            "\n",
            model.GetEntityTypes().OrderBy(e => e.GetTableName()).Select(e =>
                $"{e.GetSchema() ?? model.GetDefaultSchema()}.{e.GetTableName()}: "
                + $"pk=({string.Join(",", e.GetPartitionKeyProperties().Select(p => p.GetColumnName()))}) "
                + $"ck=({string.Join(",", e.GetClusteringKeyProperties().Select(p => p.GetColumnName() + " " + p.GetClusteringOrder()))}) "
                + $"static=({string.Join(",", e.GetProperties().Where(p => p.IsStaticColumn()).Select(p => p.GetColumnName()))}) "
                + $"ttl={e.GetDefaultTimeToLive()} "
                + $"columns=({string.Join(",", e.GetProperties().OrderBy(p => p.GetColumnName()).Select(Column))}) "
                + $"indexes=({string.Join(",", e.GetIndexes().Select(i => i.GetDatabaseName() + ":" + string.Join("+", i.Properties.Select(p => p.GetColumnName()))).Order())})"));

        static string Column(IProperty p)
            => $"{p.GetColumnName()} {p.GetColumnType()} {(Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Name}";
    }

    private static Task BuildAsync(string project)
        => RunAsync(project, "build", "--configuration", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly");

    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under dotnet test's MSBuild: its MSBuild variables must not leak into the child builds.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish within {CommandTimeout}:\n{await output}\n{await error}");
        }

        if (process.ExitCode != 0)
        {
            Assert.Fail($"'dotnet {string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EFCore.Cassandra.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (EFCore.Cassandra.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
