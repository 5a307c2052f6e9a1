using System.ComponentModel.DataAnnotations.Schema;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;
using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Complex;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

/// <summary>
/// Complex properties (ComplexProperty, [ComplexType], ComplexCollection) are stored as one user-defined type column
/// each: the DDL, the model and the statements SaveChanges sends, without a server.
/// </summary>
public class ComplexTypeGenerationTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-0000-4000-8000-00000000c0de");

    [Fact]
    public void Create_script_creates_each_type_once_nested_types_first_then_the_table_with_one_column_per_complex_property()
    {
        using var context = CreateContext();

        // One statement after the other, without the blank lines between them.
        var script = string.Join("\n", context.Database.GenerateCreateScript().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(
            """
            CREATE KEYSPACE IF NOT EXISTS "ks" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
            CREATE TYPE IF NOT EXISTS "ks"."geopoint" ("lat" double, "lon" double);
            CREATE TYPE IF NOT EXISTS "ks"."location" ("street" text, "zip" int, "point" frozen<"geopoint">);
            CREATE TYPE IF NOT EXISTS "ks"."money" ("amount" decimal, "currency" text);
            CREATE TABLE IF NOT EXISTS "ks"."customers" (
                "Id" uuid,
                "Name" text,
                "Home" frozen<"location">,
                "Work" frozen<"location">,
                "Balance" frozen<"money">,
                "Trail" list<frozen<"geopoint">>,
                PRIMARY KEY (("Id"))
            );
            """,
            script);
    }

    [Fact]
    public void Migration_from_nothing_creates_the_types_before_the_table()
    {
        using var context = CreateContext();
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());

        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model)
            .Select(c => c.CommandText.Split(" (", 2)[0].Trim())
            .ToList();

        Assert.Equal(
            [
                "CREATE KEYSPACE IF NOT EXISTS \"ks\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};",
                "CREATE TYPE IF NOT EXISTS \"ks\".\"geopoint\"",
                "CREATE TYPE IF NOT EXISTS \"ks\".\"location\"",
                "CREATE TYPE IF NOT EXISTS \"ks\".\"money\"",
                "CREATE TABLE IF NOT EXISTS \"ks\".\"customers\"",
            ],
            commands);
    }

    [Fact]
    public void A_snapshot_column_of_a_complex_type_creates_its_types()
    {
        // What a migration (or the snapshot it was diffed from) holds for a complex property: the class and the
        // column type naming its user-defined type; the class itself carries no attribute.
        using var context = CreateContext();

        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(
            [new AddColumnOperation { Table = "customers", Schema = "ks", Name = "Shipping", ClrType = typeof(Location), ColumnType = "frozen<\"location\">" }]);

        Assert.Equal(
            "CREATE TYPE IF NOT EXISTS \"ks\".\"geopoint\" (\"lat\" double, \"lon\" double);\n"
            + "CREATE TYPE IF NOT EXISTS \"ks\".\"location\" (\"street\" text, \"zip\" int, \"point\" frozen<\"geopoint\">);\n"
            + "ALTER TABLE \"ks\".\"customers\" ADD \"Shipping\" frozen<\"location\">;\n",
            string.Concat(commands.Select(c => c.CommandText.Replace("\r\n", "\n", StringComparison.Ordinal))));
    }

    [Fact]
    public void Complex_properties_become_properties_of_the_complex_type_with_a_user_defined_type_column()
    {
        using var context = CreateContext();

        var entityType = context.Model.FindEntityType(typeof(Customer))!;

        Assert.Empty(entityType.GetComplexProperties());
        Assert.Equal("frozen<\"location\">", entityType.FindProperty(nameof(Customer.Home))!.GetColumnType());
        Assert.False(entityType.FindProperty(nameof(Customer.Home))!.IsNullable);
        Assert.True(entityType.FindProperty(nameof(Customer.Work))!.IsNullable);
        Assert.Equal("frozen<\"money\">", entityType.FindProperty(nameof(Customer.Balance))!.GetColumnType());
        Assert.Equal("list<frozen<\"geopoint\">>", entityType.FindProperty(nameof(Customer.Trail))!.GetColumnType());
    }

    [Fact]
    public async Task Added_entity_binds_each_complex_value_whole_and_leaves_a_null_one_out()
    {
        var capture = new CommandCapture();
        await using var context = CreateContext(capture);
        var home = new Location { Street = "Main", Zip = 1000, Point = new() { Lat = 1, Lon = 2 } };
        context.Add(new Customer { Id = Id, Home = home, Balance = new() { Amount = 5m, Currency = "EUR" } });

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal(
            "INSERT INTO \"ks\".\"customers\" (\"Id\", \"Balance\", \"Home\", \"Trail\") VALUES (:p0, :p1, :p2, :p3)",
            text);
        Assert.Same(home, parameters[":p2"]);
    }

    [Fact]
    public async Task Changing_one_member_updates_the_whole_value_as_one_bound_parameter()
    {
        var capture = new CommandCapture();
        await using var context = CreateContext(capture);
        var customer = new Customer { Id = Id, Name = "Ada", Home = new() { Street = "Main", Zip = 1000 }, Trail = [new() { Lat = 1 }] };
        context.Attach(customer);

        customer.Home.Zip = 2000;
        customer.Trail[0].Lon = 3;
        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"customers\" SET \"Home\" = :p0, \"Trail\" = :p1 WHERE \"Id\" = :p2", text);
        Assert.Equal(2000, Assert.IsType<Location>(parameters[":p0"]).Zip);
        Assert.DoesNotContain("2000", text, StringComparison.Ordinal);
    }

    private static ComplexContext CreateContext(CommandCapture? capture = null)
    {
        var builder = new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks");
        if (capture is not null)
        {
            builder.AddInterceptors(capture);
        }

        return new ComplexContext(builder.Options);
    }
}

/// <summary>What cannot be a user-defined type fails when the model is built, saying why and what to write.</summary>
public class ComplexTypeValidationTests
{
    [Fact]
    public void Member_without_a_public_setter_is_rejected()
        => AssertRejected<PrivateSetter>("'PrivateSetter.Street' is not a public read/write property");

    [Fact]
    public void Enum_member_is_rejected()
        => AssertRejected<WithEnum>("'WithEnum.Kind' is of type 'Kind', which a user-defined type field cannot hold");

    [Fact]
    public void Member_with_a_value_converter_is_rejected()
        => AssertRejected<Plain>(
            "'Plain.Zip' has a value converter",
            c => c.Property(p => p.Zip).HasConversion<string>());

    [Fact]
    public void Class_without_a_parameterless_constructor_is_rejected()
        => AssertRejected<NoConstructor>("has no public parameterless constructor");

    [Fact]
    public void Ignored_member_is_rejected()
        => AssertRejected<WithIgnored>("'WithIgnored.Note' is ignored by the model");

    [Fact]
    public void Class_that_contains_itself_is_rejected()
        => AssertRejected<Chain>("'Chain.Next' holds a 'Chain', which contains it");

    [Fact]
    public void ToJson_is_rejected()
        => AssertRejected<Plain>("mapped to JSON with ToJson()", c => c.ToJson());

    [Fact]
    public void Two_classes_of_one_name_with_different_fields_are_rejected()
    {
        using var context = new ModelContext(b => b.Entity<TwoSpots>(e =>
        {
            e.ComplexProperty(t => t.Here);
            e.ComplexProperty(t => t.There);
        }));

        var exception = Assert.Throws<InvalidOperationException>(() => context.Model);

        Assert.Contains("both map to the user-defined type \"spot\" in the keyspace 'ks', with different fields", exception.Message);
        Assert.Contains("[UserDefinedType(\"other_name\")]", exception.Message);
    }

    [Fact]
    public void Struct_is_a_user_defined_type()
    {
        using var context = new ModelContext(b => b.Entity<Holder<Pair>>().ComplexProperty(h => h.Value));

        Assert.Equal(
            "frozen<\"pair\">",
            context.Model.FindEntityType(typeof(Holder<Pair>))!.FindProperty("Value")!.GetColumnType());
    }

    private static void AssertRejected<T>(string expected, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<T>>? configure = null)
        where T : notnull
    {
        using var context = new ModelContext(b => b.Entity<Holder<T>>().ComplexProperty(h => h.Value, c => configure?.Invoke(c)));

        var exception = Assert.Throws<InvalidOperationException>(() => context.Model);

        Assert.StartsWith("The complex property 'Holder<", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be stored: Cassandra stores a complex property as one column of the user-defined type", exception.Message);
        Assert.Contains(expected, exception.Message);
    }

    private sealed class ModelContext(Action<ModelBuilder> configure) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").ReplaceService<IModelCacheKeyFactory, NoModelCaching>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);
    }

    private sealed class NoModelCaching : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }

    public sealed class Holder<T>
    {
        public Guid Id { get; set; }

        public T Value { get; set; } = default!;
    }

    public enum Kind
    {
        Home,
        Work,
    }

    public sealed class PrivateSetter
    {
        public string? Street { get; private set; }
    }

    public sealed class WithEnum
    {
        public Kind Kind { get; set; }
    }

    public sealed class Plain
    {
        public int Zip { get; set; }
    }

    public sealed class NoConstructor(int zip)
    {
        public int Zip { get; set; } = zip;
    }

    public sealed class WithIgnored
    {
        public int Zip { get; set; }

        [NotMapped]
        public string? Note { get; set; }
    }

    public sealed class Chain
    {
        public int Value { get; set; }

        public Chain? Next { get; set; }
    }

    public sealed class TwoSpots
    {
        public Guid Id { get; set; }

        public First.Spot Here { get; set; } = new();

        public Second.Spot There { get; set; } = new();
    }

    public static class First
    {
        public sealed class Spot
        {
            public int Level { get; set; }
        }
    }

    public static class Second
    {
        public sealed class Spot
        {
            public string? Name { get; set; }
        }
    }

    public struct Pair
    {
        public int Left { get; set; }

        public int Right { get; set; }
    }
}
