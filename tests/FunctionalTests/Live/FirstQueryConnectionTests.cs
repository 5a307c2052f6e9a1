using System.Data.Common;

using CqlConnector;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>
/// Queries are translated for the server's version, which a data source learns when it first connects. An
/// asynchronous query on a data source that never connected must learn it asynchronously, never by blocking its
/// thread on a synchronous connect.
/// </summary>
public sealed class FirstQueryConnectionTests(CassandraContextFixture<FirstQueryConnectionTests> fixture)
    : IClassFixture<CassandraContextFixture<FirstQueryConnectionTests>>
{
    [Fact]
    public async Task The_first_ToListAsync_on_a_never_connected_data_source_opens_asynchronously()
    {
        var person = await SeedAsync("Listed");
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        var opens = new OpenRecorder();
        await using var context = Context(dataSource, opens);

        var found = await context.People.Where(p => p.Id == person.Id).ToListAsync();

        Assert.Equal("Listed", Assert.Single(found).Name);
        Assert.NotNull(dataSource.Session.ServerVersion);
        Assert.Equal(0, opens.Synchronous);
        Assert.True(opens.Asynchronous > 0);
    }

    [Fact]
    public async Task The_first_single_result_query_on_a_never_connected_data_source_opens_asynchronously()
    {
        var person = await SeedAsync("Single");
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        var opens = new OpenRecorder();
        await using var context = Context(dataSource, opens);

        var found = await context.People.FirstOrDefaultAsync(p => p.Id == person.Id);
        var count = await context.People.Where(p => p.Id == person.Id).CountAsync();

        Assert.Equal("Single", found?.Name);
        Assert.Equal(1, count);
        Assert.Equal(0, opens.Synchronous);
    }

    [Fact]
    public async Task A_compiled_async_query_first_run_on_a_never_connected_data_source_opens_asynchronously()
    {
        var person = await SeedAsync("Compiled");
        var single = EF.CompileAsyncQuery((PeopleContext c, Guid id) => c.People.FirstOrDefault(p => p.Id == id));
        var sequence = EF.CompileAsyncQuery((PeopleContext c, Guid id) => c.People.Where(p => p.Id == id));

        await using (var dataSource = CqlDataSource.Create(fixture.ConnectionString))
        {
            var opens = new OpenRecorder();
            await using var context = Context(dataSource, opens);

            Assert.Equal("Compiled", (await single(context, person.Id))?.Name);
            Assert.Equal(0, opens.Synchronous);
        }

        await using (var dataSource = CqlDataSource.Create(fixture.ConnectionString))
        {
            var opens = new OpenRecorder();
            await using var context = Context(dataSource, opens);

            var names = new List<string>();
            await foreach (var found in sequence(context, person.Id))
            {
                names.Add(found.Name);
            }

            Assert.Equal(["Compiled"], names);
            Assert.Equal(0, opens.Synchronous);
        }

        // Translated once: later runs, from other contexts, reuse it.
        await using var later = fixture.CreateContext();
        Assert.Equal("Compiled", (await single(later, person.Id))?.Name);
        Assert.Single(await sequence(later, person.Id).ToListAsync());
    }

    [Fact]
    public async Task A_first_async_query_that_cannot_connect_fails_with_the_connection_error_without_a_synchronous_retry()
    {
        // Nothing listens on port 1: the version cannot be learned, and the query cannot run either.
        await using var dataSource = CqlDataSource.Create("Contact Points=127.0.0.1;Port=1;Keyspace=ks;Connect Timeout=1");
        var opens = new OpenRecorder();
        await using var context = Context(dataSource, opens);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => context.People.Where(p => p.Name == "x").ToListAsync());

        Assert.IsType<CqlConnectionException>(error);
        Assert.Equal(0, opens.Synchronous);
        Assert.Equal(1, opens.Asynchronous);
    }

    [Fact]
    public async Task A_cancelled_first_query_ends_cancelled_and_the_next_one_runs()
    {
        var person = await SeedAsync("Cancelled");
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        await using var context = Context(dataSource, new OpenRecorder());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => context.People.Where(p => p.Id == person.Id).ToListAsync(new CancellationToken(canceled: true)));

        Assert.Single(await context.People.Where(p => p.Id == person.Id).ToListAsync());
    }

    [Fact]
    public void A_synchronous_first_query_still_connects_synchronously()
    {
        using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        var opens = new OpenRecorder();
        using var context = Context(dataSource, opens);

        var absent = Guid.NewGuid();

        Assert.Empty(context.People.Where(p => p.Id == absent).ToList());
        Assert.Equal(0, opens.Asynchronous);
    }

    private async Task<Person> SeedAsync(string name)
    {
        var person = new Person { Id = Guid.NewGuid(), Name = name };
        await using var context = fixture.CreateContext();
        context.Add(person);
        await context.SaveChangesAsync();
        return person;
    }

    private static PeopleContext Context(CqlDataSource dataSource, OpenRecorder opens)
        => new(new DbContextOptionsBuilder().UseCassandra(dataSource).AddInterceptors(opens).Options);

    private sealed class OpenRecorder : DbConnectionInterceptor
    {
        public int Synchronous { get; private set; }

        public int Asynchronous { get; private set; }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Synchronous++;
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Asynchronous++;
            return ValueTask.FromResult(result);
        }
    }
}
