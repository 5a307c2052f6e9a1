using Microsoft.EntityFrameworkCore;
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
}
