using System.Net;
using System.Numerics;

using CqlConnector;

using Dapper;

using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

public class StoreAcceptanceTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Every_mapping_round_trips()
    {
        var written = new Everything
        {
            Id = Guid.NewGuid(),
            Text = "héllo",
            Ascii = "plain",
            Stamp = TimeUuid.NewTimeUuid(),
            At = new DateTime(2024, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc),
            AtOffset = new DateTimeOffset(2024, 2, 3, 4, 5, 6, 789, TimeSpan.Zero),
            Flag = true,
            Blob = [1, 2, 3],
            Int = -7,
            Long = long.MaxValue,
            Float = 1.5f,
            Double = Math.PI,
            Decimal = 1234567.891m,
            Varint = BigInteger.Parse("123456789012345678901234567890"),
            Inet = IPAddress.Parse("10.1.2.3"),
            Mood = Mood.Grumpy,
            Tags = ["a", "b"],
            Scores = [3, 1, 2],
            Lucky = [7, 13],
            Stock = new() { ["apples"] = 3, ["pears"] = 0 },
            Pair = (42, "answer"),
            Home = new Address { Street = "Main St", Zip = 12345 },
            Previous = [new Address { Street = "Old Rd", Zip = 1 }],
        };
        await using (var context = fixture.CreateContext())
        {
            context.Add(written);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.Everything.SingleAsync(e => e.Id == written.Id);
            Assert.Equal(written.Text, read.Text);
            Assert.Equal(written.Ascii, read.Ascii);
            Assert.Equal(written.Stamp, read.Stamp);
            Assert.Equal(written.At, read.At);
            Assert.Equal(DateTimeKind.Utc, read.At.Kind);
            Assert.Equal(written.AtOffset, read.AtOffset);
            Assert.True(read.Flag);
            Assert.Equal(written.Blob, read.Blob);
            Assert.Equal(written.Int, read.Int);
            Assert.Equal(written.Long, read.Long);
            Assert.Equal(written.Float, read.Float);
            Assert.Equal(written.Double, read.Double);
            Assert.Equal(written.Decimal, read.Decimal);
            Assert.Equal(written.Varint, read.Varint);
            Assert.Equal(written.Inet, read.Inet);
            Assert.Equal(Mood.Grumpy, read.Mood);
            Assert.Equal(written.Tags, read.Tags);
            Assert.Equal(written.Scores, read.Scores);
            Assert.Equal(written.Lucky, read.Lucky);
            Assert.Equal(written.Stock, read.Stock);
            Assert.Equal(written.Pair, read.Pair);
            Assert.Equal("Main St", read.Home!.Street);
            Assert.Equal(12345, read.Home.Zip);
            Assert.Equal("Old Rd", Assert.Single(read.Previous!).Street);

            // Collections and UDTs are change-tracked by content.
            read.Tags!.Add("c");
            read.Lucky!.Remove(7);
            read.Stock!["pears"] = 9;
            read.Home.Zip = 99999;
            Assert.True(context.ChangeTracker.HasChanges());
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.Everything.SingleAsync(e => e.Id == written.Id);
            Assert.Equal(["a", "b", "c"], read.Tags);
            Assert.Equal([13], read.Lucky!);
            Assert.Equal(9, read.Stock!["pears"]);
            Assert.Equal(99999, read.Home!.Zip);
        }
    }

    [Fact]
    public async Task Enums_in_collections_and_tuples_round_trip_and_track_changes()
    {
        var written = new MoodBoard
        {
            Id = Guid.NewGuid(),
            History = [Mood.Happy, Mood.Grumpy, Mood.Happy],
            Week = [Mood.Calm, Mood.Grumpy],
            Seen = [Mood.Calm, Mood.Happy],
            ByPerson = new() { ["ann"] = Mood.Grumpy, ["bob"] = Mood.Calm },
            Counts = new() { [Mood.Happy] = 3, [Mood.Grumpy] = 1 },
            Latest = (7, Mood.Grumpy),
        };
        await using (var context = fixture.CreateContext())
        {
            context.Add(written);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.MoodBoards.SingleAsync(b => b.Id == written.Id);
            Assert.Equal(written.History, read.History);
            Assert.Equal(written.Week, read.Week);
            Assert.True(written.Seen.SetEquals(read.Seen!));
            Assert.Equal(written.ByPerson, read.ByPerson);
            Assert.Equal(written.Counts, read.Counts);
            Assert.Equal((7, Mood.Grumpy), read.Latest);
            Assert.False(context.ChangeTracker.HasChanges());

            // Changes inside the collections are seen by the comparers and written.
            read.History!.Add(Mood.Calm);
            read.Week![0] = Mood.Happy;
            read.Seen!.Remove(Mood.Calm);
            read.ByPerson!["bob"] = Mood.Happy;
            read.Counts![Mood.Calm] = 9;
            read.Latest = (8, Mood.Calm);
            Assert.True(context.ChangeTracker.HasChanges());
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var read = await context.MoodBoards.SingleAsync(b => b.Id == written.Id);
            Assert.Equal([Mood.Happy, Mood.Grumpy, Mood.Happy, Mood.Calm], read.History);
            Assert.Equal([Mood.Happy, Mood.Grumpy], read.Week);
            Assert.Equal([Mood.Happy], read.Seen!);
            Assert.Equal(Mood.Happy, read.ByPerson!["bob"]);
            Assert.Equal(9, read.Counts![Mood.Calm]);
            Assert.Equal((8, Mood.Calm), read.Latest);
        }
    }

    [Fact]
    public async Task Rows_come_back_in_clustering_order_and_share_the_static_column()
    {
        var sensor = Guid.NewGuid();
        var t0 = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        await using (var context = fixture.CreateContext())
        {
            context.AddRange(
                new Reading { SensorId = sensor, Day = 1, At = t0, Seq = 2, Value = 1, SensorName = "first" },
                new Reading { SensorId = sensor, Day = 1, At = t0.AddMinutes(5), Seq = 1, Value = 2 },
                new Reading { SensorId = sensor, Day = 1, At = t0, Seq = 1, Value = 3 },
                new Reading { SensorId = sensor, Day = 2, At = t0, Seq = 1, Value = 4, SensorName = "other day" });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var update = await context.Readings.SingleAsync(r => r.SensorId == sensor && r.Day == 1 && r.At == t0 && r.Seq == 1);
            update.SensorName = "renamed";
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var rows = await context.Readings.Where(r => r.SensorId == sensor && r.Day == 1).ToListAsync();
            Assert.Equal([(t0.AddMinutes(5), 1), (t0, 1), (t0, 2)], rows.Select(r => (r.At, r.Seq)));
            Assert.All(rows, r => Assert.Equal("renamed", r.SensorName));
            Assert.Equal("other day", (await context.Readings.SingleAsync(r => r.SensorId == sensor && r.Day == 2)).SensorName);
        }
    }

    [Fact]
    public async Task Row_disappears_after_the_default_time_to_live()
    {
        var token = new Token { Id = Guid.NewGuid(), Value = "short-lived" };
        await using (var context = fixture.CreateContext())
        {
            context.Add(token);
            await context.SaveChangesAsync();
            Assert.NotNull(await context.Tokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == token.Id));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));

        await using (var context = fixture.CreateContext())
        {
            Assert.Null(await context.Tokens.SingleOrDefaultAsync(t => t.Id == token.Id));
        }
    }

    [Fact]
    public async Task Counter_increments_from_two_contexts_add_up()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new PageViews { Id = id, Hits = 1 });
            await context.SaveChangesAsync();
        }

        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var a = await first.PageViews.SingleAsync(p => p.Id == id);
        var b = await second.PageViews.SingleAsync(p => p.Id == id);
        a.Hits += 5;
        b.Hits += 10;
        await Task.WhenAll(first.SaveChangesAsync(), second.SaveChangesAsync());

        await using var check = fixture.CreateContext();
        Assert.Equal(16, (await check.PageViews.SingleAsync(p => p.Id == id)).Hits);
    }

    [Fact]
    public async Task Concurrency_token_conflict_raises_exactly_one_concurrency_exception()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Document { Id = id, Title = "v1", Version = 1 });
            await context.SaveChangesAsync();
        }

        await using var first = fixture.CreateContext();
        await using var second = fixture.CreateContext();
        var a = await first.Documents.SingleAsync(d => d.Id == id);
        var b = await second.Documents.SingleAsync(d => d.Id == id);
        a.Title = "by first";
        a.Version = 2;
        b.Title = "by second";
        b.Version = 2;

        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        var conflict = Assert.Single(outcomes, o => o is not null);
        var exception = Assert.IsType<DbUpdateConcurrencyException>(conflict);
        Assert.Single(exception.Entries);
        await using var check = fixture.CreateContext();
        Assert.Equal(2, (await check.Documents.SingleAsync(d => d.Id == id)).Version);

        static async Task<Exception?> Outcome(DbContext context)
        {
            try
            {
                await context.SaveChangesAsync();
                return null;
            }
            catch (DbUpdateException exception)
            {
                return exception;
            }
        }
    }

    [Fact]
    public async Task Insert_if_not_exists_refuses_an_existing_key()
    {
        var id = "note-" + Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Note { Id = id, Text = "first" });
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            context.Add(new Note { Id = id, Text = "second" });
            var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.IsNotType<DbUpdateConcurrencyException>(exception);
            Assert.Contains("IF NOT EXISTS", exception.Message);
        }

        await using (var check = fixture.CreateContext())
        {
            Assert.Equal("first", (await check.Notes.SingleAsync(n => n.Id == id)).Text);
        }
    }

    [Fact]
    public async Task Partial_failure_names_only_the_failed_entry_and_a_retry_sends_only_it()
    {
        var good1 = new Note { Id = "ok-" + Guid.NewGuid(), Text = "one" };
        var good2 = new Note { Id = "ok-" + Guid.NewGuid(), Text = "two" };
        var bad = new Note { Id = new string('k', 70_000), Text = "too long a key" };
        await using var context = fixture.CreateContext();
        context.AddRange(good1, bad, good2);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Same(bad, Assert.Single(exception.Entries).Entity);
        Assert.Equal(EntityState.Unchanged, context.Entry(good1).State);
        Assert.Equal(EntityState.Unchanged, context.Entry(good2).State);
        Assert.Equal(EntityState.Added, context.Entry(bad).State);

        context.Entry(bad).State = EntityState.Detached;
        bad.Id = "fixed-" + Guid.NewGuid();
        context.Add(bad);
        Assert.Equal(1, await context.SaveChangesAsync());

        await using var check = fixture.CreateContext();
        foreach (var note in new[] { good1, good2, bad })
        {
            Assert.Equal(note.Text, (await check.Notes.SingleAsync(n => n.Id == note.Id)).Text);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_log_of_errors_only_gets_the_error_of_a_later_request(bool async)
    {
        // Nothing watches the executing event, so EF's logging cache says "do not log" after the first request; the
        // failure of the last of five requests must be logged all the same.
        var log = new List<string>();
        var fine = Enumerable.Range(0, 4).Select(i => new Note { Id = "fine-" + Guid.NewGuid(), Text = "fine " + i }).ToList();
        var bad = new Note { Id = new string('e', 70_000), Text = "too long a key" };
        await using var context = new StoreContext(new DbContextOptionsBuilder()
            .UseCassandra(fixture.ConnectionString)
            .LogTo(log.Add, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError])
            .Options);
        context.AddRange(fine);
        context.Add(bad);

        var exception = async
            ? await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync())
            : Assert.Throws<DbUpdateException>(() => context.SaveChanges());

        Assert.Same(bad, Assert.Single(exception.Entries).Entity);
        Assert.Single(log, l => l.Contains("Failed executing DbCommand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_partial_failure_names_only_the_failed_entry_and_a_retry_sends_only_it()
    {
        var good1 = new Note { Id = "ok-" + Guid.NewGuid(), Text = "one" };
        var good2 = new Note { Id = "ok-" + Guid.NewGuid(), Text = "two" };
        var bad = new Note { Id = new string('k', 70_000), Text = "too long a key" };
        var log = new List<string>();
        using var context = new StoreContext(new DbContextOptionsBuilder()
            .UseCassandra(fixture.ConnectionString)
            .LogTo(log.Add, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError])
            .Options);
        context.AddRange(good1, bad, good2);

        var exception = Assert.Throws<DbUpdateException>(() => context.SaveChanges());

        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Same(bad, Assert.Single(exception.Entries).Entity);
        Assert.Single(log, l => l.Contains("Failed executing DbCommand", StringComparison.Ordinal));
        Assert.Equal(EntityState.Unchanged, context.Entry(good1).State);
        Assert.Equal(EntityState.Unchanged, context.Entry(good2).State);
        Assert.Equal(EntityState.Added, context.Entry(bad).State);

        context.Entry(bad).State = EntityState.Detached;
        bad.Id = "fixed-" + Guid.NewGuid();
        context.Add(bad);
        Assert.Equal(1, context.SaveChanges());

        await using var check = fixture.CreateContext();
        foreach (var note in new[] { good1, good2, bad })
        {
            Assert.Equal(note.Text, (await check.Notes.SingleAsync(n => n.Id == note.Id)).Text);
        }
    }

    [Fact]
    public async Task Ten_thousand_entities_in_one_SaveChanges_all_land()
    {
        var batch = Guid.NewGuid().ToString("N");
        await using (var context = fixture.CreateContext(o => o.MaxStatementsInFlight(256)))
        {
            for (var i = 0; i < 10_000; i++)
            {
                context.Add(new Bulk { Id = Guid.NewGuid(), Name = batch, N = i });
            }

            Assert.Equal(10_000, await context.SaveChangesAsync());
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using (var context = fixture.CreateContext())
        {
            var rows = await context.Bulk.AsNoTracking().ToListAsync();
            var mine = rows.Where(r => r.Name == batch).Select(r => r.N).Order().ToList();
            Assert.Equal(Enumerable.Range(0, 10_000), mine);
        }
    }

    [Fact]
    public async Task Secondary_index_created_from_HasIndex_answers_queries()
    {
        var id = "tagged-" + Guid.NewGuid();
        var tag = "t" + Guid.NewGuid().ToString("N");
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Note { Id = id, Tag = tag });
            await context.SaveChangesAsync();
        }

        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var ids = await connection.QueryAsync<string>($"SELECT \"Id\" FROM \"{fixture.Keyspace}\".notes WHERE \"Tag\" = :tag", new { tag });
        Assert.Equal([id], ids);
    }

    [Fact]
    public async Task Dapper_queries_and_executes_against_an_EF_table()
    {
        var id = Guid.NewGuid();
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Document { Id = id, Title = "from EF", Version = 1 });
            await context.SaveChangesAsync();
        }

        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $"UPDATE \"{fixture.Keyspace}\".documents SET \"Title\" = :title WHERE \"Id\" = :id", new { title = "from Dapper", id });
        var rows = (await connection.QueryAsync<DocumentRow>(
            $"SELECT \"Id\", \"Title\", \"Version\" FROM \"{fixture.Keyspace}\".documents WHERE \"Id\" = :id", new { id })).ToList();

        var row = Assert.Single(rows);
        Assert.Equal(id, row.Id);
        Assert.Equal("from Dapper", row.Title);
        Assert.Equal(1, row.Version);
    }

    [Fact]
    public async Task Types_the_server_lacks_are_refused_at_schema_creation_naming_the_version()
    {
        await using var context = new ModernContext(
            new DbContextOptionsBuilder().UseCassandra(fixture.ConnectionString.Replace(fixture.Keyspace, fixture.Keyspace + "_m", StringComparison.Ordinal)).Options);
        await using var probe = CqlDataSource.Create(fixture.ConnectionString);
        await using var connection = await probe.OpenConnectionAsync();
        var version = CqlTypeRequirementsProbe.Version(connection.ServerVersion);
        if (version >= new Version(3, 10))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
            await context.Database.EnsureDeletedAsync();
            return;
        }

        try
        {
            var exception = await Assert.ThrowsAsync<NotSupportedException>(() => context.Database.EnsureCreatedAsync());
            Assert.Contains($"Cassandra is version {connection.ServerVersion}", exception.Message);
            Assert.Contains("\"Day\"".Trim('"'), exception.Message);

            // Refused before anything was sent: no empty keyspace is left behind, and a sync call is refused alike.
            Assert.False(await context.Database.GetService<IRelationalDatabaseCreator>().ExistsAsync());
            Assert.Throws<NotSupportedException>(() => context.Database.EnsureCreated());
            Assert.False(context.Database.GetService<IRelationalDatabaseCreator>().Exists());
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }

    private sealed class DocumentRow
    {
        public Guid Id { get; set; }

        public string Title { get; set; } = "";

        public int Version { get; set; }
    }

    private static class CqlTypeRequirementsProbe
    {
        public static Version Version(string release)
            => System.Version.Parse(new string(release.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()));
    }
}
