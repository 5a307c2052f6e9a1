using System.ComponentModel.DataAnnotations.Schema;
using System.Reflection;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

public class SnapshotAddress
{
    public string? Street { get; set; }

    public SnapshotPoint? Point { get; set; }
}

public class SnapshotPoint
{
    public double Lat { get; set; }

    public double Lon { get; set; }
}

[ComplexType]
public class SnapshotMoney
{
    public decimal Amount { get; set; }
}

public class SnapshotCustomer
{
    public Guid Id { get; set; }

    public SnapshotAddress Home { get; set; } = new();

    public SnapshotMoney Balance { get; set; } = new();

    public List<SnapshotPoint> Trail { get; set; } = [];
}

public sealed class ComplexSnapshotContext(DbContextOptions<ComplexSnapshotContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<SnapshotCustomer>(e =>
        {
            e.ToTable("customers");
            e.ComplexProperty(c => c.Home);
            e.ComplexCollection(c => c.Trail);
        });
}

/// <summary>
/// A complex property is snapshotted as the column it is stored in (its class and the user-defined type's column type)
/// with the type's fields recorded as values, and the snapshot, compiled and loaded as <c>dotnet ef</c> loads it,
/// differs from the model in nothing.
/// </summary>
public sealed class ComplexTypeSnapshotTests
{
    [Fact]
    public void Snapshot_holds_each_complex_property_as_its_user_defined_type_column_and_round_trips_without_changes()
    {
        using var context = new ComplexSnapshotContext(
            new DbContextOptionsBuilder<ComplexSnapshotContext>().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").Options);
        var model = context.GetService<IDesignTimeModel>().Model;
        var snapshot = DesignServices.GenerateSnapshot(context, "ComplexSnapshot");

        Assert.Contains("b.Property<SnapshotAddress>(\"Home\")", snapshot);
        Assert.Contains(".HasColumnType(\"frozen<\\\"snapshotaddress\\\">\")", snapshot);
        Assert.Contains(".HasColumnType(\"frozen<\\\"snapshotmoney\\\">\")", snapshot);
        Assert.Contains("b.Property<List<SnapshotPoint>>(\"Trail\")", snapshot);
        Assert.Contains(".HasColumnType(\"list<frozen<\\\"snapshotpoint\\\">>\")", snapshot);
        Assert.DoesNotContain("ComplexProperty", snapshot);
        Assert.DoesNotContain("ComplexCollection", snapshot);
        Assert.Contains(
            "CassandraModelBuilderExtensions.HasUserDefinedType(modelBuilder, \"ks\", \"snapshotaddress\", new[] { (\"street\", \"text\"), (\"point\", \"frozen<\\\"snapshotpoint\\\">\") });",
            snapshot);
        Assert.DoesNotContain("HasAnnotation(\"Cassandra:UserDefinedType", snapshot);

        var snapshotModel = Load(snapshot).Model;
        snapshotModel = context.GetService<IModelRuntimeInitializer>().Initialize(
            snapshotModel is IMutableModel mutable ? mutable.FinalizeModel() : snapshotModel, designTime: true, validationLogger: null);
        Assert.Empty(context.GetService<IMigrationsModelDiffer>().GetDifferences(snapshotModel.GetRelationalModel(), model.GetRelationalModel()));

        // The snapshot holds the types' fields as values, not through the classes: what the next migration compares.
        Assert.Equal(UserDefinedTypes(model), UserDefinedTypes(snapshotModel));
        Assert.Equal(3, UserDefinedTypes(model).Count);
    }

    private static List<(string, object?)> UserDefinedTypes(IModel model)
        => model.GetAnnotations().Where(a => a.Name.StartsWith("Cassandra:UserDefinedType:", StringComparison.Ordinal)).Select(a => (a.Name, a.Value)).ToList();

    private static ModelSnapshot Load(string source) => SourceCompiler.CompileOne<ModelSnapshot>("ComplexSnapshot", source);
}
