using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

public class LoggingAndServicesTests(CassandraContextFixture<LoggingAndServicesTests> fixture)
    : IClassFixture<CassandraContextFixture<LoggingAndServicesTests>>
{
    [Fact]
    public async Task Cql_text_appears_in_the_command_log()
    {
        var log = new List<string>();
        var person = new Person { Id = Guid.NewGuid(), Name = "Logged" };

        await using (var context = fixture.CreateContext(
            o => o.LogTo(log.Add, [RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging()))
        {
            context.Add(person);
            await context.SaveChangesAsync();
            await context.People.Where(p => p.Id == person.Id).ToListAsync();
        }

        var expectedInsert = $"INSERT INTO \"{fixture.Keyspace}\".\"people\" (\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Score\", \"Visits\") "
            + "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)";
        Assert.True(
            log.Exists(entry => entry.Contains(expectedInsert, StringComparison.Ordinal)),
            "The INSERT is not in the log:\n" + string.Join("\n", log));
        Assert.Contains(log, entry => entry.Contains(expectedInsert, StringComparison.Ordinal));
        Assert.Contains(log, entry => entry.Contains($"FROM \"{fixture.Keyspace}\".\"people\" WHERE \"Id\" = :person_id", StringComparison.Ordinal));
        Assert.Contains(log, entry => entry.Contains(person.Id.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_log_of_completions_only_gets_every_request_of_a_SaveChanges(bool async)
    {
        // Nothing watches the executing event, so EF's logging cache says "do not log" after the first request; the
        // executed events of the others must be logged all the same.
        var log = new List<string>();
        var people = Enumerable.Range(0, 5).Select(i => new Person { Id = Guid.NewGuid(), Name = "Completion " + i }).ToList();
        await using (var context = fixture.CreateContext(o => o.LogTo(log.Add, [RelationalEventId.CommandExecuted])))
        {
            context.AddRange(people);
            if (async)
            {
                await context.SaveChangesAsync();
            }
            else
            {
                context.SaveChanges();
            }
        }

        Assert.Equal(5, log.Count(entry => entry.Contains("INSERT INTO", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AddDbContext_resolves_a_working_context()
    {
        var services = new ServiceCollection()
            .AddDbContext<PeopleContext>(o => o.UseCassandra(fixture.ConnectionString))
            .BuildServiceProvider();
        var person = new Person { Id = Guid.NewGuid(), Name = "Injected" };

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PeopleContext>();
            context.Add(person);
            await context.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PeopleContext>();
            Assert.Equal("Injected", (await context.People.SingleAsync(p => p.Id == person.Id)).Name);
        }
    }

    [Fact]
    public async Task Data_source_overload_shares_the_callers_session()
    {
        await using var dataSource = CqlConnector.CqlDataSource.Create(fixture.ConnectionString);
        var person = new Person { Id = Guid.NewGuid(), Name = "Sourced" };

        await using (var context = new PeopleContext(new DbContextOptionsBuilder().UseCassandra(dataSource).Options))
        {
            context.Add(person);
            await context.SaveChangesAsync();
            Assert.Equal("Sourced", (await context.People.SingleAsync(p => p.Id == person.Id)).Name);
        }
    }

    [Fact]
    public async Task Synchronous_api_works_too()
    {
        var person = new Person { Id = Guid.NewGuid(), Name = "Sync" };
        using var context = fixture.CreateContext();

        Assert.True(context.Database.CanConnect());
        context.Add(person);
        context.SaveChanges();

        Assert.Equal("Sync", context.People.Where(p => p.Id == person.Id).ToList().Single().Name);
    }
}
