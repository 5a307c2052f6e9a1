using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

public class SchemaLifecycleTests(CassandraContextFixture<SchemaLifecycleTests> fixture)
    : IClassFixture<CassandraContextFixture<SchemaLifecycleTests>>
{
    [Fact]
    public async Task EnsureCreated_and_EnsureDeleted_follow_the_keyspace()
    {
        var keyspace = fixture.Keyspace + "_b";
        await using var context = fixture.CreateContext(o => o.UseCassandra(fixture.ConnectionString, c => c.Keyspace(keyspace)));
        var creator = context.GetService<IRelationalDatabaseCreator>();

        try
        {
            Assert.False(await creator.ExistsAsync());
            Assert.True(await context.Database.EnsureCreatedAsync());
            Assert.True(await creator.ExistsAsync());
            Assert.True(await creator.HasTablesAsync());
            Assert.True(creator.Exists());
            Assert.True(creator.HasTables());
            Assert.False(await context.Database.EnsureCreatedAsync());

            Assert.True(await context.Database.EnsureDeletedAsync());
            Assert.False(await creator.ExistsAsync());
            Assert.False(await context.Database.EnsureDeletedAsync());
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task Synchronous_EnsureCreated_and_EnsureDeleted()
    {
        var keyspace = fixture.Keyspace + "_c";
        using var context = fixture.CreateContext(o => o.UseCassandra(fixture.ConnectionString, c => c.Keyspace(keyspace)));

        try
        {
            Assert.True(context.Database.EnsureCreated());
            Assert.Empty(context.People.ToList());
            Assert.True(context.Database.EnsureDeleted());
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EnsureCreated_sends_one_CREATE_KEYSPACE_per_keyspace(bool async)
    {
        var keyspace = fixture.Keyspace + (async ? "_d" : "_e");
        var log = new List<string>();
        await using var context = new TwoKeyspacesContext(
            new DbContextOptionsBuilder()
                .UseCassandra(fixture.ConnectionString, c => c.Keyspace(keyspace))
                .LogTo(log.Add, [RelationalEventId.CommandExecuted])
                .Options,
            keyspace + "_o");

        try
        {
            Assert.True(async ? await context.Database.EnsureCreatedAsync() : context.Database.EnsureCreated());

            var creates = log.Where(l => l.Contains("CREATE KEYSPACE", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, creates.Count);
            Assert.Single(creates, c => c.Contains($"CREATE KEYSPACE IF NOT EXISTS \"{keyspace}\" ", StringComparison.Ordinal));
            Assert.Single(creates, c => c.Contains($"CREATE KEYSPACE IF NOT EXISTS \"{keyspace}_o\" ", StringComparison.Ordinal));
            Assert.Empty(await context.People.ToListAsync());
            Assert.Empty(await context.Archived.ToListAsync());
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    // People in the configured keyspace, archived people in another (derived from it, so one model per keyspace).
    private sealed class TwoKeyspacesContext(DbContextOptions options, string otherKeyspace) : DbContext(options)
    {
        public DbSet<Person> People => Set<Person>();

        public DbSet<ArchivedPerson> Archived => Set<ArchivedPerson>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Person>().ToTable("people");
            modelBuilder.Entity<ArchivedPerson>().ToTable("people", otherKeyspace);
        }
    }

    private sealed class ArchivedPerson
    {
        public Guid Id { get; set; }

        public string? Name { get; set; }
    }
}
