using System.ComponentModel.DataAnnotations.Schema;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Complex;

/// <summary>A complex type configured with ComplexProperty: the user-defined type "location", with a nested one.</summary>
public class Location
{
    public string? Street { get; set; }

    public int Zip { get; set; }

    public GeoPoint? Point { get; set; }
}

/// <summary>Nested in <see cref="Location"/> and the element of a complex collection: the type "geopoint".</summary>
public class GeoPoint
{
    public double Lat { get; set; }

    public double Lon { get; set; }
}

/// <summary>A complex type by attribute, with no fluent configuration: the type "money".</summary>
[ComplexType]
public class Money
{
    public decimal Amount { get; set; }

    public string? Currency { get; set; }
}

public class Customer
{
    public Guid Id { get; set; }

    public string? Name { get; set; }

    public Location Home { get; set; } = new();

    public Location? Work { get; set; }

    public Money Balance { get; set; } = new();

    public List<GeoPoint> Trail { get; set; } = [];
}

public class ComplexContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Customer>(e =>
        {
            e.ToTable("customers");
            e.ComplexProperty(c => c.Home, h => h.ComplexProperty(l => l.Point));
            e.ComplexProperty(c => c.Work, w => w.ComplexProperty(l => l.Point));
            e.ComplexCollection(c => c.Trail);
        });
}
