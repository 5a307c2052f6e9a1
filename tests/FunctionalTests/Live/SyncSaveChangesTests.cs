using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;
using EntityFrameworkCore.Cassandra.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>
/// The synchronous SaveChanges sends what SaveChangesAsync sends: a partition's rows in unlogged batches (bounded by
/// MaxStatementsPerBatch), the logged batch of UseLoggedBatch, and lightweight transactions whose [applied] decides.
/// </summary>
public class SyncSaveChangesTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    // Only the completions are logged: each request must still get its own entry (EF's logging cache stops asking
    // about the executing event after the first request finds nothing watching it).
    private StoreContext CreateContext(List<string> log, Action<CassandraDbContextOptionsBuilder>? cassandra = null)
        => new(new DbContextOptionsBuilder()
            .UseCassandra(fixture.ConnectionString, cassandra)
            .LogTo(log.Add, [RelationalEventId.CommandExecuted, RelationalEventId.CommandError])
            .Options);

    [Fact]
    public void Rows_of_one_partition_are_sent_in_unlogged_batches_of_at_most_the_configured_size()
    {
        var sensor = Guid.NewGuid();
        var at = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var log = new List<string>();
        using (var context = CreateContext(log, o => o.MaxStatementsPerBatch(2)))
        {
            for (var seq = 1; seq <= 5; seq++)
            {
                context.Add(new Reading { SensorId = sensor, Day = 1, At = at, Seq = seq, Value = seq });
            }

            context.Add(new Reading { SensorId = sensor, Day = 2, At = at, Seq = 1, Value = 6 });

            Assert.Equal(6, context.SaveChanges());
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        // Day 1: two batches of two and the fifth row alone; day 2: one statement. One log entry per request.
        var requests = log.Where(l => l.Contains("readings", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(2, requests.Count(l => l.Contains("BEGIN UNLOGGED BATCH INSERT INTO", StringComparison.Ordinal)));

        using var check = fixture.CreateContext();
        Assert.Equal([1, 2, 3, 4, 5], check.Readings.Where(r => r.SensorId == sensor && r.Day == 1).AsEnumerable().Select(r => r.Seq).Order());
        Assert.Equal(6, check.Readings.Single(r => r.SensorId == sensor && r.Day == 2).Value);
    }

    [Fact]
    public void UseLoggedBatch_sends_one_logged_batch_and_counters_in_a_counter_batch()
    {
        var sensor = Guid.NewGuid();
        var bulk = Guid.NewGuid();
        var views = Guid.NewGuid();
        var log = new List<string>();
        using (var context = CreateContext(log, o => o.UseLoggedBatch()))
        {
            context.Add(new Reading { SensorId = sensor, Day = 1, At = DateTime.UnixEpoch, Seq = 1, Value = 1 });
            context.Add(new Reading { SensorId = sensor, Day = 2, At = DateTime.UnixEpoch, Seq = 1, Value = 2 });
            context.Add(new Bulk { Id = bulk, Name = "logged", N = 3 });
            context.Add(new PageViews { Id = views, Hits = 4 });

            Assert.Equal(4, context.SaveChanges());
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Assert.Equal(2, log.Count);
        Assert.Single(log, l => l.Contains("BEGIN BATCH INSERT INTO", StringComparison.Ordinal) && l.Contains("\"bulk\"", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("BEGIN COUNTER BATCH UPDATE", StringComparison.Ordinal));

        using var check = fixture.CreateContext();
        Assert.Equal(2, check.Readings.Where(r => r.SensorId == sensor && (r.Day == 1 || r.Day == 2)).AsEnumerable().Count());
        Assert.Equal(3, check.Bulk.Single(b => b.Id == bulk).N);
        Assert.Equal(4, check.PageViews.Single(p => p.Id == views).Hits);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lightweight_transaction_not_applied_raises_a_concurrency_exception_and_the_other_entries_are_accepted(bool loggedBatch)
    {
        var id = Guid.NewGuid();
        using (var setup = fixture.CreateContext())
        {
            setup.Add(new Document { Id = id, Title = "v1", Version = 1 });
            setup.SaveChanges();
        }

        using (var other = fixture.CreateContext())
        {
            other.Documents.Single(d => d.Id == id).Version = 2;
            other.SaveChanges();
        }

        var log = new List<string>();
        using var context = CreateContext(log, o => o.UseLoggedBatch(loggedBatch));
        var stale = new Document { Id = id, Title = "v1", Version = 1 };
        context.Attach(stale);
        stale.Title = "stale";
        stale.Version = 3;

        // A logged batch holding a lightweight transaction must stay in its partition: the stale document goes alone.
        var written = new Bulk { Id = Guid.NewGuid(), Name = "beside", N = 1 };
        if (!loggedBatch)
        {
            context.Add(written);
        }

        var exception = Assert.Throws<DbUpdateConcurrencyException>(() => context.SaveChanges());

        Assert.Same(stale, Assert.Single(exception.Entries).Entity);
        Assert.Equal(EntityState.Modified, context.Entry(stale).State);
        Assert.Contains(log, l => l.Contains(loggedBatch ? "BEGIN BATCH UPDATE" : "UPDATE", StringComparison.Ordinal) && l.Contains(" IF ", StringComparison.Ordinal));
        using var check = fixture.CreateContext();
        Assert.Equal("v1", check.Documents.Single(d => d.Id == id).Title);
        if (!loggedBatch)
        {
            Assert.Equal(EntityState.Unchanged, context.Entry(written).State);
            Assert.Equal(1, check.Bulk.Single(b => b.Id == written.Id).N);
        }
    }
}
