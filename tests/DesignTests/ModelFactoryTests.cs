using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;

using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Scaffolding.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;

using EfClusteringOrder = EntityFrameworkCore.Cassandra.Metadata.ClusteringOrder;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>The model factory and EF's scaffolding pipeline on fixed keyspace metadata (no server).</summary>
public sealed class ModelFactoryTests
{
    private static readonly CqlType AddressType = CqlType.Udt("shop", "address", [new("street", CqlType.Text), new("zip", CqlType.Int)]);

    internal static KeyspaceMetadata Shop()
    {
        var readings = new TableMetadata(
            "shop",
            "readings",
            [
                new ColumnMetadata("sensor", CqlType.Uuid, ColumnKind.Clustering, 1, ClusteringOrder.Ascending),
                new ColumnMetadata("tenant", CqlType.Text, ColumnKind.PartitionKey, 0),
                new ColumnMetadata("day", CqlType.Int, ColumnKind.PartitionKey, 1),
                new ColumnMetadata("at", CqlType.Timestamp, ColumnKind.Clustering, 0, ClusteringOrder.Descending),
                new ColumnMetadata("site", CqlType.Text, ColumnKind.Static),
                new ColumnMetadata("value", CqlType.Double, ColumnKind.Regular),
                new ColumnMetadata("samples", CqlType.List(CqlType.Int), ColumnKind.Regular),
                new ColumnMetadata("tags", CqlType.Set(CqlType.Text), ColumnKind.Regular),
                new ColumnMetadata("counts", CqlType.Map(CqlType.Text, CqlType.Int), ColumnKind.Regular),
                new ColumnMetadata("trace", CqlType.Timeuuid, ColumnKind.Regular),
                new ColumnMetadata("address", AddressType, ColumnKind.Regular, isFrozen: true),
            ],
            [new IndexMetadata("readings_value_idx", "value", IndexKind.Composites, new Dictionary<string, string>()),
             new IndexMetadata("readings_tags_idx", "values(tags)", IndexKind.Composites, new Dictionary<string, string>())],
            new TableOptions { DefaultTimeToLive = 86400, GcGraceSeconds = 864000 });
        var hits = new TableMetadata(
            "shop",
            "hits",
            [new ColumnMetadata("page", CqlType.Text, ColumnKind.PartitionKey), new ColumnMetadata("views", CqlType.Counter, ColumnKind.Regular)],
            [],
            new TableOptions { GcGraceSeconds = 3600 });
        var history = new TableMetadata(
            "shop",
            "__EFMigrationsHistory",
            [new ColumnMetadata("MigrationId", CqlType.Text, ColumnKind.PartitionKey)],
            [],
            new TableOptions());
        return new KeyspaceMetadata(
            "shop",
            true,
            "org.apache.cassandra.locator.SimpleStrategy",
            new Dictionary<string, string> { ["replication_factor"] = "1" },
            [readings, hits, history], [new UserTypeMetadata("shop", "address", AddressType.Fields)]);
    }

    [Fact]
    public void Tables_get_the_primary_key_in_partition_then_clustering_order_and_the_provider_annotations()
    {
        using var services = DesignServices.Create();
        var factory = Assert.IsType<CassandraDatabaseModelFactory>(services.GetRequiredService<IDatabaseModelFactory>());

        var model = factory.Create([Shop()], "shop", new DatabaseModelFactoryOptions());

        Assert.Equal("shop", model.DefaultSchema);
        Assert.Equal(["hits", "readings"], model.Tables.Select(t => t.Name).Order()); // the migrations history is left out
        Assert.Equal(3600, model.Tables.Single(t => t.Name == "hits")[CassandraAnnotationNames.GcGraceSeconds]);
        var table = model.Tables.Single(t => t.Name == "readings");
        Assert.Equal(("shop", "readings"), (table.Schema, table.Name));
        Assert.Equal(["tenant", "day", "at", "sensor"], table.PrimaryKey!.Columns.Select(c => c.Name));
        Assert.Equal(0, Column(table, "tenant")[CassandraAnnotationNames.PartitionKeyOrder]);
        Assert.Equal(1, Column(table, "day")[CassandraAnnotationNames.PartitionKeyOrder]);
        Assert.Equal(EfClusteringOrder.Descending, Column(table, "at")[CassandraAnnotationNames.ClusteringOrder]);
        Assert.Null(Column(table, "sensor")[CassandraAnnotationNames.ClusteringOrder]);
        Assert.Equal(true, Column(table, "site")[CassandraAnnotationNames.Static]);
        Assert.Equal(86400, table[CassandraAnnotationNames.DefaultTimeToLive]);
        Assert.Null(table[CassandraAnnotationNames.GcGraceSeconds]); // the default is not repeated
        Assert.False(Column(table, "tenant").IsNullable);
        Assert.True(Column(table, "value").IsNullable);
        Assert.Equal("list<int>", Column(table, "samples").StoreType);
        Assert.Equal("set<text>", Column(table, "tags").StoreType);
        Assert.Equal("map<text, int>", Column(table, "counts").StoreType);
        Assert.Equal("frozen<\"address\">", Column(table, "address").StoreType); // the provider's type for a [UserDefinedType] class
        Assert.Equal(
            [("readings_tags_idx", "tags"), ("readings_value_idx", "value")],
            table.Indexes.Select(i => (i.Name!, i.Columns.Single().Name)).OrderBy(i => i.Item1));
    }

    [Fact]
    public void Scaffolded_model_has_the_keys_clustering_order_static_column_ttl_and_clr_collection_types()
    {
        using var services = DesignServices.Create();
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var databaseModel = factory.Create([Shop()], "shop", new DatabaseModelFactoryOptions());

        var model = services.GetRequiredService<IScaffoldingModelFactory>().Create(databaseModel, new ModelReverseEngineerOptions());

        Assert.True(model.FindEntityType("Hit")!.FindProperty("Views")!.IsCounter());
        var reading = model.FindEntityType("Reading")!;
        Assert.Equal(["Tenant", "Day", "At", "Sensor"], reading.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal(["Tenant", "Day"], reading.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["At", "Sensor"], reading.GetClusteringKeyProperties().Select(p => p.Name));
        Assert.Equal(EfClusteringOrder.Descending, reading.FindProperty("At")!.GetClusteringOrder());
        Assert.Equal(EfClusteringOrder.Ascending, reading.FindProperty("Sensor")!.GetClusteringOrder());
        Assert.True(reading.FindProperty("Site")!.IsStaticColumn());
        Assert.Equal(TimeSpan.FromDays(1), reading.GetDefaultTimeToLive());
        Assert.Equal(typeof(string), reading.FindProperty("Tenant")!.ClrType);
        Assert.Equal(typeof(DateTime), reading.FindProperty("At")!.ClrType);
        Assert.Equal(typeof(Guid), reading.FindProperty("Sensor")!.ClrType);
        Assert.Equal(typeof(List<int>), reading.FindProperty("Samples")!.ClrType);
        Assert.Equal(typeof(HashSet<string>), reading.FindProperty("Tags")!.ClrType);
        Assert.Equal(typeof(Dictionary<string, int>), reading.FindProperty("Counts")!.ClrType);
        Assert.Equal(typeof(CqlConnector.TimeUuid?), reading.FindProperty("Trace")!.ClrType);
        Assert.Equal("Address", reading.FindProperty("Address")!.ClrType.Name); // the class generated for the UDT
    }

    [Fact]
    public void Generated_code_uses_the_provider_fluent_api_and_UseCassandra()
    {
        using var services = DesignServices.Create();
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var model = services.GetRequiredService<IScaffoldingModelFactory>()
            .Create(factory.Create([Shop()], "shop", new DatabaseModelFactoryOptions()), new ModelReverseEngineerOptions());

        var code = GenerateCode(services, model, "ShopContext", "shop", "Shop");

        var context = code.ContextFile.Code;
        Assert.Contains("UseCassandra(\"Contact Points=127.0.0.1;Keyspace=shop\")", context);
        Assert.Contains("entity.Property(e => e.Tenant)\n                .IsPartitionKeyColumn()", context.ReplaceLineEndings("\n"));
        Assert.Contains("IsPartitionKeyColumn(1)", context);
        Assert.Contains("HasClusteringOrder(ClusteringOrder.Descending)", context);
        Assert.Contains("IsStaticColumn()", context);
        Assert.Contains("HasDefaultTimeToLive(", context);
        Assert.Contains("using EntityFrameworkCore.Cassandra.Metadata;", context);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:", context);
        Assert.Contains("HasGcGraceSeconds(3600)", context);
        Assert.Contains(".HasColumnType(\"counter\")", context);
        var entity = code.AdditionalFiles.Single(f => f.Path == "Reading.cs").Code;
        Assert.Contains("public List<int>? Samples", entity);
        Assert.Contains("public HashSet<string>? Tags", entity);
        Assert.Contains("public Dictionary<string, int>? Counts", entity);
    }

    [Fact]
    public void Keyspace_replication_and_durable_writes_are_scaffolded_as_fluent_calls()
    {
        using var services = DesignServices.Create();
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var metrics = new KeyspaceMetadata(
            "metrics",
            false,
            "org.apache.cassandra.locator.NetworkTopologyStrategy",
            new Dictionary<string, string> { ["dc2"] = "2", ["dc1"] = "3" },
            [new TableMetadata("metrics", "samples", [new ColumnMetadata("id", CqlType.Int, ColumnKind.PartitionKey)], [], new TableOptions())],
            []);

        var databaseModel = factory.Create([Shop(), metrics], "shop", new DatabaseModelFactoryOptions());
        Assert.Equal("{'class': 'SimpleStrategy', 'replication_factor': 1}", databaseModel[CassandraAnnotationNames.ReplicationPrefix + "shop"]);
        Assert.Null(databaseModel[CassandraAnnotationNames.DurableWritesPrefix + "shop"]); // true is the default
        Assert.Equal("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}", databaseModel[CassandraAnnotationNames.ReplicationPrefix + "metrics"]);
        Assert.Equal(false, databaseModel[CassandraAnnotationNames.DurableWritesPrefix + "metrics"]);

        var model = services.GetRequiredService<IScaffoldingModelFactory>().Create(databaseModel, new ModelReverseEngineerOptions());
        Assert.Equal("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}", model.GetKeyspaceReplication("metrics"));
        Assert.False(model.GetKeyspaceDurableWrites("metrics"));
        Assert.True(model.GetKeyspaceDurableWrites("shop"));

        var code = GenerateCode(services, model, "ShopContext", "shop", "Shop");

        var context = code.ContextFile.Code.ReplaceLineEndings("\n");
        Assert.Contains(
            """
                    modelBuilder
                        .HasDefaultSchema("shop")
                        .HasKeyspaceDurableWrites("metrics", false)
                        .HasKeyspaceReplication("metrics", "NetworkTopologyStrategy", new[] { ("dc1", 3), ("dc2", 2) })
                        .HasKeyspaceReplication("shop", "SimpleStrategy", new[] { ("replication_factor", 1) });
            """,
            context);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:", context);
    }

    [Fact]
    public void A_replication_without_integer_options_is_left_out_with_a_warning()
    {
        var reporter = new CapturingReporter();
        using var services = DesignServices.Create(reporter);
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var local = new KeyspaceMetadata("odd", true, "org.apache.cassandra.locator.SimpleStrategy", new Dictionary<string, string>(), [], []);

        var databaseModel = factory.Create([local], "odd", new DatabaseModelFactoryOptions());

        Assert.Null(databaseModel[CassandraAnnotationNames.ReplicationPrefix + "odd"]);
        Assert.Contains(reporter.Warnings, w => w.Contains("'odd'", StringComparison.Ordinal) && w.Contains("HasKeyspaceReplication", StringComparison.Ordinal));
    }

    [Fact]
    public void Store_types_map_back_to_clr_types()
    {
        using var services = DesignServices.Create();
        var mappings = services.GetRequiredService<Microsoft.EntityFrameworkCore.Storage.IRelationalTypeMappingSource>();

        Assert.Equal(typeof(string), mappings.FindMapping("text")!.ClrType);
        Assert.Equal(typeof(long), mappings.FindMapping("bigint")!.ClrType);
        Assert.Equal(typeof(Guid), mappings.FindMapping("uuid")!.ClrType);
        Assert.Equal(typeof(DateTime), mappings.FindMapping("timestamp")!.ClrType);
        Assert.Equal(typeof(List<int>), mappings.FindMapping("list<int>")!.ClrType);
        Assert.Equal(typeof(HashSet<string>), mappings.FindMapping("set<text>")!.ClrType);
        Assert.Equal(typeof(Dictionary<string, int>), mappings.FindMapping("map<text, int>")!.ClrType);
        Assert.Equal(typeof(List<HashSet<string>>), mappings.FindMapping("list<frozen<set<text>>>")!.ClrType);
        Assert.Equal(typeof(ValueTuple<int, string>), mappings.FindMapping("tuple<int, text>")!.ClrType);
        Assert.Null(mappings.FindMapping("address"));
    }

    [Fact]
    public void What_cannot_be_scaffolded_is_reported_as_a_warning()
    {
        var reporter = new CapturingReporter();
        using var services = DesignServices.Create(reporter);
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var keyspace = new KeyspaceMetadata(
            "shop",
            true,
            "org.apache.cassandra.locator.SimpleStrategy",
            new Dictionary<string, string> { ["replication_factor"] = "1" },
            [new TableMetadata(
                "shop",
                "orders",
                [new ColumnMetadata("id", CqlType.Int, ColumnKind.PartitionKey), new ColumnMetadata("stops", CqlType.List(AddressType), ColumnKind.Regular)],
                [],
                new TableOptions())],
            [new UserTypeMetadata("shop", "address", AddressType.Fields)]);

        var model = services.GetRequiredService<IScaffoldingModelFactory>()
            .Create(factory.Create([keyspace], "shop", new DatabaseModelFactoryOptions()), new ModelReverseEngineerOptions());

        Assert.Null(model.FindEntityType("Order")!.FindProperty("Stops")); // a UDT inside a collection: skipped
        Assert.Contains(reporter.Warnings, w => w.Contains("'stops'", StringComparison.Ordinal)
            && w.Contains("[UserDefinedType(\"address\")]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_defined_type_column_gets_a_generated_class_with_one_property_per_field()
    {
        using var services = DesignServices.Create();
        var factory = (CassandraDatabaseModelFactory)services.GetRequiredService<IDatabaseModelFactory>();
        var geoPoint = CqlType.Udt("crm", "geo_point", [new("lat", CqlType.Double), new("lon", CqlType.Double)]);
        var postalAddress = CqlType.Udt(
            "crm",
            "postal_address",
            [new("street", CqlType.Text), new("zip_code", CqlType.Int), new("lines", CqlType.List(CqlType.Text)), new("location", geoPoint)]);
        var keyspace = new KeyspaceMetadata(
            "crm",
            true,
            "org.apache.cassandra.locator.SimpleStrategy",
            new Dictionary<string, string> { ["replication_factor"] = "1" },
            [new TableMetadata(
                "crm",
                "customers",
                [new ColumnMetadata("id", CqlType.Uuid, ColumnKind.PartitionKey), new ColumnMetadata("home", postalAddress, ColumnKind.Regular, isFrozen: true)],
                [],
                new TableOptions())],
            [new UserTypeMetadata("crm", "geo_point", geoPoint.Fields), new UserTypeMetadata("crm", "postal_address", postalAddress.Fields)]);

        var model = services.GetRequiredService<IScaffoldingModelFactory>()
            .Create(factory.Create([keyspace], "crm", new DatabaseModelFactoryOptions()), new ModelReverseEngineerOptions());
        var home = model.FindEntityType("Customer")!.FindProperty("Home")!;
        Assert.Equal("PostalAddress", home.ClrType.Name);
        Assert.Equal("frozen<\"postal_address\">", home.GetColumnType());

        var code = GenerateCode(services, model, "CrmContext", "crm", "Crm");

        Assert.Equal(["Customer.cs", "GeoPoint.cs", "PostalAddress.cs"], code.AdditionalFiles.Select(f => f.Path).Order());
        var customer = code.AdditionalFiles.Single(f => f.Path == "Customer.cs").Code;
        Assert.Contains("public PostalAddress? Home { get; set; }", customer);
        Assert.DoesNotContain("using ;", customer);
        Assert.Equal(
            """
            using System.Collections.Generic;
            using EntityFrameworkCore.Cassandra.Metadata.Attributes;

            namespace Crm;

            [UserDefinedType("postal_address")]
            public partial class PostalAddress
            {
                public string? Street { get; set; }

                public int? Zip_code { get; set; }

                public List<string>? Lines { get; set; }

                public GeoPoint? Location { get; set; }
            }

            """,
            code.AdditionalFiles.Single(f => f.Path == "PostalAddress.cs").Code.ReplaceLineEndings("\n"));
        Assert.Equal(
            """
            using EntityFrameworkCore.Cassandra.Metadata.Attributes;

            namespace Crm;

            [UserDefinedType("geo_point")]
            public partial class GeoPoint
            {
                public double? Lat { get; set; }

                public double? Lon { get; set; }
            }

            """,
            code.AdditionalFiles.Single(f => f.Path == "GeoPoint.cs").Code.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:", code.ContextFile.Code);

        // The generated files compile together, and the provider maps the compiled class as the same UDT.
        var compiled = SourceCompiler.Compile("Crm", [.. code.AdditionalFiles.Append(code.ContextFile).Select(f => (f.Code, (string?)f.Path))])
            .GetType("Crm.PostalAddress")!;
        Assert.Equal(
            "frozen<\"postal_address\">",
            services.GetRequiredService<Microsoft.EntityFrameworkCore.Storage.IRelationalTypeMappingSource>().FindMapping(compiled)!.StoreType);
    }

    // The C# `dotnet ef dbcontext scaffold` writes for the model: a context in the model's namespace connecting to the keyspace.
    private static ScaffoldedModel GenerateCode(ServiceProvider services, IModel model, string contextName, string keyspace, string @namespace)
        => services.GetRequiredService<IModelCodeGeneratorSelector>().Select(new ModelCodeGenerationOptions { Language = "C#" })
            .GenerateModel(
                model,
                new ModelCodeGenerationOptions
                {
                    ContextName = contextName,
                    ConnectionString = $"Contact Points=127.0.0.1;Keyspace={keyspace}",
                    ModelNamespace = @namespace,
                    ContextNamespace = @namespace,
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                });

    private static DatabaseColumn Column(DatabaseTable table, string name) => table.Columns.Single(c => c.Name == name);
}
