using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Complex;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

public sealed class ComplexTypeFixture() : KeyspaceContextFixture<ComplexContext>("complex")
{
    protected override ComplexContext Create(DbContextOptions options) => new(options);
}

/// <summary>
/// Complex properties stored as user-defined type columns on the real node: EnsureCreated creates the types with the
/// table, SaveChanges writes whole values, queries read them back into the complex types.
/// </summary>
public class ComplexTypeTests(ComplexTypeFixture fixture) : IClassFixture<ComplexTypeFixture>
{
    [Fact]
    public async Task Saved_complex_properties_read_back_equal_tracked_and_untracked()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(NewCustomer(id));
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var tracked = await context.Set<Customer>().SingleAsync(c => c.Id == id);
            AssertLikeNew(tracked);

            // Equal values read back are no change.
            context.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Unchanged, context.Entry(tracked).State);

            AssertLikeNew(await context.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == id));

            var home = await context.Set<Customer>().Where(c => c.Id == id).Select(c => c.Home).SingleAsync();
            Assert.Equal(("Main Street", 1000, 48.1), (home.Street, home.Zip, home.Point!.Lat));
        }
    }

    [Fact]
    public async Task Changing_one_member_is_detected_and_saved()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(NewCustomer(id));
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var customer = await context.Set<Customer>().SingleAsync(c => c.Id == id);
            customer.Home.Point!.Lon = 99.5;
            customer.Trail[1].Lat = -1;

            context.ChangeTracker.DetectChanges();
            var entry = context.Entry(customer);
            Assert.Equal(EntityState.Modified, entry.State);
            Assert.True(entry.Property(c => c.Home).IsModified);
            Assert.True(entry.Property(c => c.Trail).IsModified);
            Assert.False(entry.Property(c => c.Balance).IsModified);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var customer = await context.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(99.5, customer.Home.Point!.Lon);
            Assert.Equal(48.1, customer.Home.Point.Lat);
            Assert.Equal("Main Street", customer.Home.Street);
            Assert.Equal([0.5, -1], customer.Trail.Select(p => p.Lat));
        }
    }

    [Fact]
    public async Task A_ComplexType_attribute_class_is_saved_updated_and_read_back()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Customer { Id = id, Balance = new() { Amount = 10.25m, Currency = "EUR" } });
            await context.SaveChangesAsync();

            context.Set<Customer>().Local.Single().Balance.Amount = 11.75m;
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var balance = (await context.Set<Customer>().SingleAsync(c => c.Id == id)).Balance;
            Assert.Equal((11.75m, "EUR"), (balance.Amount, balance.Currency));
        }
    }

    [Fact]
    public async Task An_optional_complex_property_is_set_and_cleared()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Customer { Id = id, Work = new() { Street = "Office Road", Zip = 7 } });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var customer = await context.Set<Customer>().SingleAsync(c => c.Id == id);
            Assert.Equal(("Office Road", 7), (customer.Work!.Street, customer.Work.Zip));
            Assert.Null(customer.Work.Point);
            customer.Work = null;
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Null((await context.Set<Customer>().SingleAsync(c => c.Id == id)).Work);
        }
    }

    private static Customer NewCustomer(Guid id)
        => new()
        {
            Id = id,
            Name = "Ada",
            Home = new() { Street = "Main Street", Zip = 1000, Point = new() { Lat = 48.1, Lon = 11.5 } },
            Balance = new() { Amount = 12.5m, Currency = "EUR" },
            Trail = [new() { Lat = 0.5, Lon = 1.5 }, new() { Lat = 2.5, Lon = 3.5 }],
        };

    private static void AssertLikeNew(Customer customer)
    {
        Assert.Equal("Ada", customer.Name);
        Assert.Equal(("Main Street", 1000), (customer.Home.Street, customer.Home.Zip));
        Assert.Equal((48.1, 11.5), (customer.Home.Point!.Lat, customer.Home.Point.Lon));
        Assert.Null(customer.Work);
        Assert.Equal((12.5m, "EUR"), (customer.Balance.Amount, customer.Balance.Currency));
        Assert.Equal([(0.5, 1.5), (2.5, 3.5)], customer.Trail.Select(p => (p.Lat, p.Lon)));
    }
}
