#pragma warning disable EF1001 // one test pins the provider's own marker-name helper
using CqlConnector;

using Dapper;

using EntityFrameworkCore.Cassandra.Metadata.Attributes;
using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

[UserDefinedType("spot")]
public class Spot
{
    public string? Name { get; set; }

    public int Level { get; set; }
}

public class Bag
{
    public Guid Id { get; set; }

    public HashSet<Spot>? Spots { get; set; }

    public HashSet<byte[]>? Blobs { get; set; }

    public Dictionary<string, byte[]>? Files { get; set; }

    public (int, byte[]) Pair { get; set; } = (0, []);
}

public class Event
{
    public string Stream { get; set; } = "";

    public DateTime At { get; set; }

    public string? Body { get; set; }
}

public class Tally
{
    public int Id { get; set; }

    [CounterColumn]
    public long Hits { get; set; }
}

public class Loose
{
    public int Id { get; set; }

    public string? Extra { get; set; }
}

public class ReviewContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Bag>().ToTable("bags");
        modelBuilder.Entity<Event>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => new { x.Stream, x.At });
            e.HasPartitionKey(x => x.Stream);
        });
        modelBuilder.Entity<Tally>().ToTable("tallies");
        modelBuilder.Entity<Loose>().ToTable("loose");
    }
}

public sealed class ReviewFixture() : KeyspaceContextFixture<ReviewContext>("review")
{
    protected override ReviewContext Create(DbContextOptions options) => new(options);
}

/// <summary>Live tests of the review findings on the write path (change detection, timestamp keys, markers, partial saves).</summary>
public class ReviewFindingsTests(ReviewFixture fixture) : IClassFixture<ReviewFixture>
{
    [Fact]
    public async Task Changes_inside_set_elements_map_values_and_tuples_are_saved()
    {
        var id = Guid.NewGuid();
        var spot = new Spot { Name = "a", Level = 1 };
        var blob = new byte[] { 1, 2, 3 };
        var file = new byte[] { 7 };
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Bag
            {
                Id = id,
                Spots = [spot],
                Blobs = [blob],
                Files = new() { ["f"] = file },
                Pair = (1, [1, 2]),
            });
            await context.SaveChangesAsync();

            // Mutate in place: the snapshot must not share these instances.
            spot.Level = 2;
            blob[0] = 9;
            file[0] = 8;
            var bag = context.Set<Bag>().Local.Single();
            bag.Pair.Item2[1] = 3;
            context.ChangeTracker.DetectChanges();
            var entry = context.Entry(bag);
            Assert.Equal(EntityState.Modified, entry.State);
            Assert.True(entry.Property(b => b.Spots).IsModified);
            Assert.True(entry.Property(b => b.Blobs).IsModified);
            Assert.True(entry.Property(b => b.Files).IsModified);
            Assert.True(entry.Property(b => b.Pair).IsModified);
            await context.SaveChangesAsync();
        }

        await using (var context = fixture.CreateContext())
        {
            var bag = await context.Set<Bag>().SingleAsync(b => b.Id == id);
            Assert.Equal(2, Assert.Single(bag.Spots!).Level);
            Assert.Equal(new byte[] { 9, 2, 3 }, Assert.Single(bag.Blobs!));
            Assert.Equal(new byte[] { 8 }, bag.Files!["f"]);
            Assert.Equal(new byte[] { 1, 3 }, bag.Pair.Item2);

            // Equal content read back is no change.
            context.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Unchanged, context.Entry(bag).State);
        }
    }

    [Fact]
    public async Task Timestamp_keys_that_differ_below_a_millisecond_or_in_kind_are_one_row()
    {
        var at = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        await using (var probe = fixture.CreateContext())
        {
            probe.Add(new Event { Stream = "s1", At = at, Body = "first" });

            // 0.5 ms later is the same timestamp in Cassandra: EF refuses to track a second entity for it.
            var error = Assert.Throws<InvalidOperationException>(() => probe.Add(new Event { Stream = "s1", At = at.AddTicks(5_000), Body = "second" }));
            Assert.Contains("same key value", error.Message);

            // The same instant as local time is the same row too.
            Assert.Throws<InvalidOperationException>(() => probe.Add(new Event { Stream = "s1", At = at.ToLocalTime(), Body = "third" }));
        }

        await using var context = fixture.CreateContext();
        var saved = new Event { Stream = "s1", At = at.AddTicks(5_000), Body = "first" };
        context.Add(saved);
        await context.SaveChangesAsync();

        // A sub-millisecond change of a timestamp is no change: Cassandra would store the same value.
        saved.Body = "first";
        context.Entry(saved).Property(e => e.At).CurrentValue = at;
        context.ChangeTracker.DetectChanges();
        Assert.Equal(EntityState.Unchanged, context.Entry(saved).State);
        await using var reader = fixture.CreateContext();
        var row = Assert.Single(await reader.Set<Event>().Where(e => e.Stream == "s1").ToListAsync());
        Assert.Equal(at, row.At);
        Assert.Equal("first", row.Body);
    }

    [Fact]
    public async Task A_captured_variable_named_after_a_reserved_keyword_binds()
    {
        await using (var context = fixture.CreateContext())
        {
            context.Add(new Loose { Id = 4242 });
            await context.SaveChangesAsync();
        }

        await using var query = fixture.CreateContext();
        var limit = 4242;
        var order = 4242;
        Assert.Single(await query.Set<Loose>().Where(l => l.Id == limit).ToListAsync());
        Assert.Single(await query.Set<Loose>().Where(l => l.Id == order).ToListAsync());
        Assert.Contains(":limit_", query.Set<Loose>().Where(l => l.Id == limit).ToQueryString());
        Assert.Equal("limit_", CassandraSqlGenerationHelper.ToMarkerName("@limit"));
        Assert.Equal("order_", CassandraSqlGenerationHelper.ToMarkerName("order"));
        Assert.Equal("limited", CassandraSqlGenerationHelper.ToMarkerName("limited"));
    }

    [Fact]
    public async Task A_statement_that_fails_to_prepare_fails_its_entry_only_and_is_prepared_again_next_time()
    {
        await using var ddlSource = CqlDataSource.Create(fixture.ConnectionString);
        await using var ddl = await ddlSource.OpenConnectionAsync();
        await ddl.ExecuteAsync($"ALTER TABLE \"{fixture.Keyspace}\".loose DROP \"Extra\"");
        try
        {
            await using var context = fixture.CreateContext();
            var bag = new Bag { Id = Guid.NewGuid() };
            var loose = new Loose { Id = 1, Extra = "x" };
            context.AddRange(bag, loose);

            // acceptAllChangesOnSuccess: false: the written bag is not accepted either.
            var first = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(acceptAllChangesOnSuccess: false));
            Assert.Same(loose, Assert.Single(first.Entries).Entity);
            Assert.Equal(EntityState.Added, context.Entry(bag).State);
            Assert.Equal(EntityState.Added, context.Entry(loose).State);

            var second = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.Same(loose, Assert.Single(second.Entries).Entity);
            Assert.Contains("'Loose' (Added)", second.Message);
            Assert.Equal(EntityState.Unchanged, context.Entry(bag).State);
            Assert.Equal(EntityState.Added, context.Entry(loose).State);

            await ddl.ExecuteAsync($"ALTER TABLE \"{fixture.Keyspace}\".loose ADD \"Extra\" text");
            await context.SaveChangesAsync();
            Assert.Equal(EntityState.Unchanged, context.Entry(loose).State);
        }
        finally
        {
            try
            {
                await ddl.ExecuteAsync($"ALTER TABLE \"{fixture.Keyspace}\".loose ADD \"Extra\" text");
            }
            catch (CqlException)
            {
                // Already added back by the test.
            }
        }
    }

    [Fact]
    public async Task A_cancelled_SaveChanges_accepts_what_was_written_so_no_counter_delta_is_sent_twice()
    {
        const int rows = 400;
        await using var context = fixture.CreateContext(c => c.MaxStatementsInFlight(1));
        var tallies = Enumerable.Range(0, rows).Select(i => new Tally { Id = i }).ToList();
        foreach (var tally in tallies)
        {
            context.Attach(tally);
            tally.Hits = 1;
        }

        using var cancellation = new CancellationTokenSource();
        var save = context.SaveChangesAsync(cancellation.Token);
        await WaitForRowsAsync(1);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);

        var written = tallies.Count(t => context.Entry(t).State == EntityState.Unchanged);
        Assert.InRange(written, 1, rows - 1);
        Assert.Equal(written, await CountRowsAsync());

        await context.SaveChangesAsync();
        await using var reader = fixture.CreateContext();
        var hits = await reader.Set<Tally>().Select(t => t.Hits).ToListAsync();
        Assert.Equal(rows, hits.Count);
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public async Task A_list_inside_a_tuple_is_snapshotted_deeply()
    {
        // frozen<tuple<int, frozen<list<int>>>> needs Cassandra 2.1.3: the comparer is checked without the node.
        await using var context = fixture.CreateContext();
        var mapping = context.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalTypeMappingSource>().FindMapping(typeof((int, List<int>)))!;
        var value = (1, new List<int> { 1, 2 });
        var snapshot = ((int, List<int>))mapping.Comparer.Snapshot(value)!;
        value.Item2.Add(3);
        Assert.False(mapping.Comparer.Equals(value, snapshot));
        Assert.True(mapping.Comparer.Equals((1, new List<int> { 1, 2 }), snapshot));
        Assert.Equal(mapping.Comparer.GetHashCode((1, new List<int> { 1, 2 })), mapping.Comparer.GetHashCode(snapshot));
    }

    private async Task<int> CountRowsAsync()
    {
        await using var reader = fixture.CreateContext();
        return await reader.Set<Tally>().CountAsync();
    }

    private async Task WaitForRowsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountRowsAsync() < count && DateTime.UtcNow < deadline)
        {
        }
    }
}
