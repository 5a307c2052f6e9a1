using EntityFrameworkCore.Cassandra.Metadata.Attributes;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

using static EntityFrameworkCore.Cassandra.FunctionalTests.Migrations.MigrationServices;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>
/// User-defined types in migrations: the model records each type's fields, a snapshot carries them, and the differ and
/// SQL generator turn a difference into exact CQL, or refuse what Cassandra cannot do.
/// </summary>
public class UserDefinedTypeMigrationTests
{
    [Fact]
    public void The_model_records_every_type_its_tables_use_nested_ones_first()
    {
        using var context = new OneTableContext<Person>("people");
        var model = context.GetService<IDesignTimeModel>().Model;

        Assert.Equal(
            [
                ("Cassandra:UserDefinedType:ks:address", "\"street\" text, \"zip\" int, \"location\" frozen<\"geo\">"),
                ("Cassandra:UserDefinedType:ks:geo", "\"lat\" double, \"lon\" double"),
            ],
            model.GetAnnotations().Where(a => a.Name.StartsWith("Cassandra:UserDefinedType:", StringComparison.Ordinal))
                .Select(a => (a.Name, (string)a.Value!)));
    }

    [Fact]
    public void A_field_added_to_a_class_becomes_one_alter_type_add_per_field_in_order()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: true, ("address", [("street", "text"), ("location", "frozen<\"geo\">")]), GeoType);

        var operations = Differ(context).GetDifferences(snapshot, Current(context));

        var alter = Assert.IsType<AlterUserDefinedTypeOperation>(Assert.Single(operations));
        Assert.Equal([("zip", "int")], alter.AddedFields);
        Assert.Equal(
            ["ALTER TYPE \"ks\".\"address\" ADD \"zip\" int;\n"],
            Generate(context, operations, snapshot.Model));
    }

    [Fact]
    public void The_down_of_an_added_field_fails_when_run_saying_what_to_do()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: true, ("address", [("street", "text"), ("location", "frozen<\"geo\">")]), GeoType);

        var down = Differ(context).GetDifferences(Current(context), snapshot);

        Assert.Equal(["zip"], Assert.IsType<AlterUserDefinedTypeOperation>(Assert.Single(down)).DroppedFields);
        Assert.Equal(
            "The migration drops the field(s) 'zip' of the user-defined type 'ks.address', but Cassandra cannot drop a field "
            + "of a user-defined type (ALTER TYPE has no DROP; a rename counts as a drop and an add). Keep the property in "
            + "the class (a field that stays null costs nothing), or map the class to a new type (another [UserDefinedType] "
            + "name), copy the values in application code and drop the old columns in a later migration. In a migration's "
            + "Down method, which undoes an added field, delete the AlterUserDefinedType call to leave the field in place "
            + "(applying that Up again then fails: the field exists).",
            Assert.Throws<NotSupportedException>(() => Generate(context, down, snapshot.Model)).Message);
    }

    [Fact]
    public void A_new_type_for_a_new_column_is_created_once_before_the_alter_table()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: false);

        var operations = Differ(context).GetDifferences(snapshot, Current(context));

        Assert.Equal(
            [
                "CREATE TYPE IF NOT EXISTS \"ks\".\"geo\" (\"lat\" double, \"lon\" double);\n",
                "CREATE TYPE IF NOT EXISTS \"ks\".\"address\" (\"street\" text, \"zip\" int, \"location\" frozen<\"geo\">);\n",
                "ALTER TABLE \"ks\".\"people\" ADD \"Home\" frozen<\"address\">;\n",
            ],
            Generate(context, operations, context.GetService<IDesignTimeModel>().Model));
    }

    [Fact]
    public void A_type_no_table_uses_is_dropped_after_the_column_and_before_the_types_it_uses()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: false);

        var operations = Differ(context).GetDifferences(Current(context), snapshot);

        Assert.Equal(
            [
                "ALTER TABLE \"ks\".\"people\" DROP \"Home\";\n",
                "DROP TYPE IF EXISTS \"ks\".\"address\";\n",
                "DROP TYPE IF EXISTS \"ks\".\"geo\";\n",
            ],
            Generate(context, operations, snapshot.Model));
    }

    [Fact]
    public void A_changed_field_type_is_refused_naming_the_type_and_the_field()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: true, ("address", [("street", "text"), ("zip", "bigint"), ("location", "frozen<\"geo\">")]), GeoType);

        Assert.True(Differ(context).HasDifferences(snapshot, Current(context)));
        Assert.Equal(
            "The model changes the type of the field 'zip' of the user-defined type 'ks.address' from bigint to int, but "
            + "Cassandra cannot change a field's type (values already written are stored in the old type's encoding). Add a "
            + "field of the new type under another name (a new property) and copy the values in application code, or map "
            + "the class to a new type (another [UserDefinedType] name) and copy the data to it.",
            Assert.Throws<InvalidOperationException>(() => Differ(context).GetDifferences(snapshot, Current(context))).Message);
    }

    [Fact]
    public void A_removed_field_reaches_the_migration_as_a_dropped_field_which_CQL_refuses()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(
            context, withHome: true, ("address", [("street", "text"), ("zip", "int"), ("country", "text"), ("location", "frozen<\"geo\">")]), GeoType);

        var operations = Differ(context).GetDifferences(snapshot, Current(context));

        Assert.Equal(["country"], Assert.IsType<AlterUserDefinedTypeOperation>(Assert.Single(operations)).DroppedFields);
        Assert.Contains("'country' of the user-defined type 'ks.address'", Assert.Throws<NotSupportedException>(() => Generate(context, operations, null)).Message);
    }

    [Fact]
    public void A_snapshot_that_records_no_types_gives_no_type_operations()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: true);

        Assert.Empty(Differ(context).GetDifferences(snapshot, Current(context)));
        Assert.Empty(Differ(context).GetDifferences(Current(context), snapshot));
        Assert.False(Differ(context).HasDifferences(snapshot, Current(context)));
    }

    [Fact]
    public void Applying_an_old_migration_creates_the_type_its_model_recorded()
    {
        using var context = new OneTableContext<Person>("people");
        var snapshot = Snapshot(context, withHome: true, ("address", [("street", "text")]));
        var createTable = Differ(context).GetDifferences(null, snapshot);

        // The class's nested type is left out: this model's address has no field that uses it.
        Assert.Equal(
            "CREATE TYPE IF NOT EXISTS \"ks\".\"address\" (\"street\" text);\n",
            Generate(context, createTable, snapshot.Model).Single(c => c.StartsWith("CREATE TYPE", StringComparison.Ordinal)));
    }

    private static readonly (string, (string, string)[]) GeoType = ("geo", [("lat", "double"), ("lon", "double")]);

    // The model a migration snapshot builds: no conventions, the types recorded as plain values.
    private static IRelationalModel Snapshot(DbContext context, bool withHome, params (string Name, (string, string)[] Fields)[] types)
    {
        var builder = new ModelBuilder();
        builder.HasDefaultSchema("ks");
        foreach (var (name, fields) in types)
        {
            builder.HasUserDefinedType("ks", name, fields);
        }

        builder.Entity("EntityFrameworkCore.Cassandra.FunctionalTests.Migrations.UserDefinedTypeMigrationTests+Person", b =>
        {
            b.Property<Guid>("Id");
            b.Property<string>("Name");
            if (withHome)
            {
                b.Property<Address>("Home").HasColumnType("frozen<\"address\">");
            }

            b.HasKey("Id");
            b.ToTable("people", "ks");
        });

        return MigrationServices.Finalize(context, builder);
    }

    private sealed class Person
    {
        public Guid Id { get; set; }

        public string? Name { get; set; }

        public Address? Home { get; set; }
    }

    [UserDefinedType("address")]
    public sealed class Address
    {
        public string? Street { get; set; }

        public int Zip { get; set; }

        public Geo? Location { get; set; }
    }

    [UserDefinedType("geo")]
    public sealed class Geo
    {
        public double Lat { get; set; }

        public double Lon { get; set; }
    }
}
