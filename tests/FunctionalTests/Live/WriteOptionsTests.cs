using CqlConnector;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;
using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>Per-SaveChanges and per-entity TTL and write timestamps (CassandraWriteOptions).</summary>
public sealed class WriteOptionsTests(CassandraContextFixture<WriteOptionsTests> fixture, StoreFixture store)
    : IClassFixture<CassandraContextFixture<WriteOptionsTests>>, IClassFixture<StoreFixture>
{
    private static readonly DateTimeOffset Past = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    private static Person NewPerson(string name) => new() { Id = Guid.NewGuid(), Name = name, CreatedAt = DateTime.UtcNow };

    private async Task<(int? Ttl, long? WriteTime)> ReadNameCellAsync(Guid id)
    {
        await using var connection = new CqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new CqlCommand($"SELECT TTL(\"Name\"), WRITETIME(\"Name\") FROM \"{fixture.Keyspace}\".\"people\" WHERE \"Id\" = :id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The row is missing.");
        return (reader.GetFieldValue<int?>(0), reader.GetFieldValue<long?>(1));
    }

    [Fact]
    public async Task SaveChanges_with_options_writes_every_statement_with_the_TTL_and_timestamp()
    {
        var log = new List<string>();
        var person = NewPerson("ttl");
        await using (var context = fixture.CreateContext(o => o.LogTo(log.Add, Microsoft.Extensions.Logging.LogLevel.Information)))
        {
            context.People.Add(person);
            await context.SaveChangesAsync(new CassandraWriteOptions { TimeToLive = TimeSpan.FromSeconds(100), Timestamp = Past });
        }

        Assert.Contains(log, line => line.Contains("USING TTL :p") && line.Contains(" AND TIMESTAMP :p"));
        var (ttl, writeTime) = await ReadNameCellAsync(person.Id);
        Assert.InRange(ttl!.Value, 90, 100);
        Assert.Equal(Micros(Past), writeTime);
    }

    [Fact]
    public async Task An_entitys_own_options_win_and_apply_to_its_next_write_only()
    {
        var shortLived = NewPerson("short");
        var kept = NewPerson("kept");
        await using (var context = fixture.CreateContext())
        {
            context.People.AddRange(shortLived, kept);
            context.Entry(shortLived).SetWriteOptions(new CassandraWriteOptions { TimeToLive = TimeSpan.FromSeconds(2) });
            await context.SaveChangesAsync(new CassandraWriteOptions { TimeToLive = TimeSpan.FromSeconds(300) });

            Assert.InRange((await ReadNameCellAsync(kept.Id)).Ttl!.Value, 250, 300);
            Assert.InRange((await ReadNameCellAsync(shortLived.Id)).Ttl!.Value, 0, 2);

            // The next write of the same entity has no TTL any more.
            kept.Name = "kept, renamed";
            await context.SaveChangesAsync();
            Assert.Null((await ReadNameCellAsync(kept.Id)).Ttl);
        }

        await Task.Delay(3500);
        await using var reader = fixture.CreateContext();
        Assert.Null(await reader.People.FirstOrDefaultAsync(p => p.Id == shortLived.Id));
        Assert.NotNull(await reader.People.FirstOrDefaultAsync(p => p.Id == kept.Id));
    }

    [Fact]
    public async Task Writes_with_an_older_timestamp_lose_to_newer_ones()
    {
        var person = NewPerson("current");
        await using var context = fixture.CreateContext();
        context.People.Add(person);
        await context.SaveChangesAsync(new CassandraWriteOptions { Timestamp = Past.AddDays(1) });

        person.Name = "stale update";
        await context.SaveChangesAsync(new CassandraWriteOptions { Timestamp = Past });
        context.Remove(person);
        await context.SaveChangesAsync(new CassandraWriteOptions { Timestamp = Past });

        await using var reader = fixture.CreateContext();
        var stored = await reader.People.AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal("current", stored.Name);
    }

    [Fact]
    public async Task Options_Cassandra_would_refuse_fail_before_anything_is_sent()
    {
        await using var context = store.CreateContext();
        context.Add(new PageViews { Id = Guid.NewGuid(), Hits = 1 });
        var counter = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.SaveChangesAsync(new CassandraWriteOptions { TimeToLive = TimeSpan.FromSeconds(10) }));
        Assert.Contains("counter columns", counter.Message);
        context.ChangeTracker.Clear();

        context.Add(new Document { Id = Guid.NewGuid(), Title = "x", Version = 1 });
        await context.SaveChangesAsync();
        var document = await context.Set<Document>().FirstAsync();
        document.Title = "y";
        var conditional = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync(new CassandraWriteOptions { Timestamp = Past }));
        Assert.Contains("lightweight transaction", conditional.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => new CassandraWriteOptions { TimeToLive = TimeSpan.FromMilliseconds(1500) });
    }
}
