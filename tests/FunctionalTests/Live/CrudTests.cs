using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

public class CrudTests(CassandraContextFixture<CrudTests> fixture) : IClassFixture<CassandraContextFixture<CrudTests>>
{
    [Fact]
    public async Task EnsureCreated_made_the_keyspace_and_table()
    {
        await using var context = fixture.CreateContext();

        Assert.True(await context.Database.CanConnectAsync());
        Assert.False(await context.Database.EnsureCreatedAsync()); // already there: nothing to do
        var unknown = Guid.NewGuid();
        Assert.Empty(await context.People.Where(p => p.Id == unknown).ToListAsync());
    }

    [Fact]
    public async Task Added_entity_is_read_back_by_key()
    {
        var person = NewPerson("Ada");
        await using (var context = fixture.CreateContext())
        {
            context.Add(person);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var found = await context.People.Where(p => p.Id == person.Id).ToListAsync();

            var read = Assert.Single(found);
            Assert.Equal("Ada", read.Name);
            Assert.Equal(person.Age, read.Age);
            Assert.Equal(person.Visits, read.Visits);
            Assert.Equal(person.Active, read.Active);
            Assert.Equal(person.Score, read.Score);
            Assert.Equal(person.Balance, read.Balance);
            Assert.Equal(person.CreatedAt, read.CreatedAt);
            Assert.Equal(person.Photo, read.Photo);
            Assert.Equal("the nick", read.Nickname);
        }
    }

    [Fact]
    public async Task FirstOrDefault_and_SingleOrDefault_by_key()
    {
        var person = NewPerson("Grace");
        await using (var context = fixture.CreateContext())
        {
            context.Add(person);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal("Grace", (await context.People.FirstOrDefaultAsync(p => p.Id == person.Id))?.Name);
            Assert.Equal("Grace", (await context.People.SingleOrDefaultAsync(p => p.Id == person.Id))?.Name);
            var unknown = Guid.NewGuid();
            Assert.Null(await context.People.FirstOrDefaultAsync(p => p.Id == unknown));
        }
    }

    [Fact]
    public async Task Take_limits_the_listing()
    {
        await using (var context = fixture.CreateContext())
        {
            context.AddRange(NewPerson("a"), NewPerson("b"), NewPerson("c"));
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(2, (await context.People.Take(2).ToListAsync()).Count);
            Assert.True((await context.People.ToListAsync()).Count >= 3);
        }
    }

    [Fact]
    public async Task Modified_property_is_updated()
    {
        var person = NewPerson("Linus");
        await using (var context = fixture.CreateContext())
        {
            context.Add(person);
            await context.SaveChangesAsync();

            person.Age = 55;
            person.Nickname = null;
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.People.SingleAsync(p => p.Id == person.Id);
            Assert.Equal(55, read.Age);
            Assert.Null(read.Nickname);
            Assert.Equal("Linus", read.Name);
        }
    }

    [Fact]
    public async Task Removed_entity_is_deleted()
    {
        var person = NewPerson("Ken");
        await using (var context = fixture.CreateContext())
        {
            context.Add(person);
            await context.SaveChangesAsync();

            context.Remove(person);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            Assert.Null(await context.People.FirstOrDefaultAsync(p => p.Id == person.Id));
        }
    }

    [Fact]
    public async Task Null_property_is_not_written_and_reads_back_as_null()
    {
        var person = new Person { Id = Guid.NewGuid(), Name = "Barbara" };
        await using (var context = fixture.CreateContext())
        {
            context.Add(person);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.People.SingleAsync(p => p.Id == person.Id);
            Assert.Null(read.Nickname);
            Assert.Null(read.Photo);
        }
    }

    [Fact]
    public async Task One_entity_SaveChanges_in_turn_write_each_its_own_columns()
    {
        // The INSERT of each set of written columns is kept on the entity type and reused by later SaveChanges: the
        // rows below alternate shapes, each from a new context, and each must come back as it was written.
        var people = new[]
        {
            NewPerson("Shape A"),
            new Person { Id = Guid.NewGuid(), Name = "Shape B", Age = 7 },
            NewPerson("Shape A again"),
            new Person { Id = Guid.NewGuid(), Name = "Shape C", Nickname = "only a nickname" },
            new Person { Id = Guid.NewGuid(), Name = "Shape B again", Age = 8 },
        };
        foreach (var person in people)
        {
            await using var context = fixture.CreateContext();
            context.Add(person);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            foreach (var expected in people)
            {
                var read = await context.People.AsNoTracking().SingleAsync(p => p.Id == expected.Id);
                Assert.Equal((expected.Name, expected.Age, expected.Nickname, expected.Visits), (read.Name, read.Age, read.Nickname, read.Visits));
                Assert.Equal(expected.Photo, read.Photo);
            }
        }
    }

    private static Person NewPerson(string name)
        => new()
        {
            Id = Guid.NewGuid(),
            Name = name,
            Age = 42,
            Nickname = "the nick",
            Visits = 5_000_000_000,
            Active = true,
            Score = 0.1,
            Balance = 12345.6789m,
            CreatedAt = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc),
            Photo = [0xCA, 0xFE],
        };
}
