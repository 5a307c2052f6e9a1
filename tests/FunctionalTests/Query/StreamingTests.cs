using System.Collections;

using Microsoft.EntityFrameworkCore;

using Xunit.Abstractions;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// Tests that measure the whole process (managed memory, the thread pool): they run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide measurements";
}

/// <summary>100,000 readings: 10 partitions (s0..s9, day 1) of 10,000 rows, seeded once.</summary>
public sealed class HundredThousandReadings : IAsyncLifetime
{
    public const int Partitions = 10;
    public const int PerPartition = 10_000;
    public const int Count = Partitions * PerPartition;

    public ReadingStore Store { get; private set; } = null!;

    /// <summary>The row's position in 0..Count-1.</summary>
    public static int IndexOf(Reading r) => int.Parse(r.Sensor.AsSpan(1)) * PerPartition + r.At * 2 + r.Seq;

    public async Task InitializeAsync()
    {
        Store = await ReadingStore.CreateAsync("stream");
        await Store.BulkInsertAsync(ReadingStore.Rows(Partitions, PerPartition));
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

/// <summary>
/// 100,000 rows streamed page by page (page size 1,000) through AsAsyncEnumerable: managed memory stays bounded, every
/// row appears once, and tracked entities keep their identity across pages.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public class StreamingTests(HundredThousandReadings data, ITestOutputHelper output) : IClassFixture<HundredThousandReadings>
{
    [Fact]
    public async Task Tracked_stream_of_100000_rows_keeps_managed_memory_bounded_and_yields_every_row_once()
    {
        // What full materialisation would hold: 10,000 tracked rows, measured, times 10.
        var tenThousandTracked = await RetainedByTenThousandTrackedRowsAsync();
        var fullMaterialisation = tenThousandTracked * 10;
        var seen = new BitArray(HundredThousandReadings.Count);
        var samples = new List<long>();
        using var spans = new CqlSpans();
        await using var context = data.Store.CreateContext();
        var baseline = StableTotalMemory();
        var rows = 0;

        await foreach (var reading in context.Readings.WithPageSize(1000).AsAsyncEnumerable())
        {
            var index = HundredThousandReadings.IndexOf(reading);
            Assert.False(seen[index], $"row {reading.Sensor}/{reading.At}/{reading.Seq} came twice");
            seen[index] = true;
            rows++;

            // The tracker would otherwise hold every entity: clear it every 1,000 rows, as a long-running export would.
            if (rows % 1000 == 0)
            {
                context.ChangeTracker.Clear();
            }

            // Sampled just before a clear, with 999 entities tracked: the highest point of each window.
            if (rows % 10_000 == 9_999)
            {
                samples.Add(GC.GetTotalMemory(true) - baseline);
            }
        }

        var peak = samples.Max();
        output.WriteLine($"tracked stream: {rows} rows, retained managed memory above the baseline at rows 9,999, 19,999, ... with 999 entities tracked (MB): "
            + string.Join(", ", samples.Select(s => (s / 1048576.0).ToString("0.00"))) + $"; peak {peak / 1048576.0:0.00} MB; "
            + $"full materialisation ~{fullMaterialisation / 1048576.0:0.0} MB (10,000 tracked rows: {tenThousandTracked / 1048576.0:0.00} MB)");

        Assert.Equal(HundredThousandReadings.Count, rows);
        Assert.True(seen.Cast<bool>().All(b => b));
        // Typically under 1 MB. The bounds leave room for what the rest of the test process holds meanwhile (once, in a
        // full run on a loaded machine, 11.2 MB, not reproduced alone), while holding all the rows would take ~65 MB.
        Assert.True(peak < 12 * 1048576, $"peak {peak} bytes above the baseline");
        Assert.True(peak < fullMaterialisation / 5, $"peak {peak} bytes, full materialisation ~{fullMaterialisation} bytes");
        // The pages on the wire: 100 pages of 1,000 rows (and possibly an empty last one).
        Assert.InRange(spans.Of("SELECT").Count(s => (int?)s.GetTagItem("cassandra.page.size") == 1000), 100, 101);
    }

    // What 10,000 tracked rows retain: memory while they are held minus memory once they are released (robust to
    // other memory shrinking meanwhile, e.g. pools trimmed by the forced collections).
    private async Task<long> RetainedByTenThousandTrackedRowsAsync()
    {
        var held = await LoadAndMeasureAsync();
        var released = StableTotalMemory();
        return held - released;
    }

    // In a method of its own, so that nothing it loaded is still referenced (by the caller's state machine) afterwards.
    private async Task<long> LoadAndMeasureAsync()
    {
        await using var sample = data.Store.CreateContext();
        var loaded = await sample.Readings.Where(r => r.Sensor == "s0" && r.Day == 1).ToListAsync();
        Assert.Equal(HundredThousandReadings.PerPartition, loaded.Count);
        var held = StableTotalMemory();
        GC.KeepAlive(loaded);
        GC.KeepAlive(sample);
        return held;
    }

    private static long StableTotalMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(true);
    }

    [Fact]
    public async Task Untracked_stream_of_100000_rows_keeps_managed_memory_bounded()
    {
        var seen = new BitArray(HundredThousandReadings.Count);
        var samples = new List<long>();
        await using var context = data.Store.CreateContext();
        var baseline = StableTotalMemory();
        var rows = 0;

        await foreach (var reading in context.Readings.AsNoTracking().WithPageSize(1000).AsAsyncEnumerable())
        {
            seen[HundredThousandReadings.IndexOf(reading)] = true;
            if (++rows % 10_000 == 0)
            {
                samples.Add(GC.GetTotalMemory(true) - baseline);
            }
        }

        output.WriteLine("untracked stream: retained managed memory above the baseline every 10,000 rows (MB): "
            + string.Join(", ", samples.Select(s => (s / 1048576.0).ToString("0.00"))));
        Assert.Equal(HundredThousandReadings.Count, rows);
        Assert.True(seen.Cast<bool>().All(b => b));
        Assert.True(samples.Max() < 8 * 1048576, $"peak {samples.Max()} bytes above the baseline");
    }

    [Fact]
    public async Task A_tracked_entity_keeps_its_identity_and_its_changes_across_pages()
    {
        await using var context = data.Store.CreateContext();
        // In clustering order (At ASC, Seq DESC) this row is the 7,777th of partition s3: on the 8th page of 1,000.
        var early = await context.Readings.SingleAsync(r => r.Sensor == "s3" && r.Day == 1 && r.At == 3888 && r.Seq == 1);
        early.Note = "changed locally";

        var streamed = new List<Reading>();
        await foreach (var reading in context.Readings.Where(r => r.Sensor == "s3" && r.Day == 1).WithPageSize(1000).AsAsyncEnumerable())
        {
            streamed.Add(reading);
        }

        Assert.Equal(HundredThousandReadings.PerPartition, streamed.Count);
        Assert.Same(early, streamed[Position(early)]);
        Assert.Equal(7776, Position(early));
        Assert.Equal("changed locally", streamed[Position(early)].Note);
        Assert.Equal(EntityState.Modified, context.Entry(early).State);
        Assert.Equal(HundredThousandReadings.PerPartition, context.ChangeTracker.Entries<Reading>().Count());

        // A second read of the same rows in the same context gives the same instances.
        var again = await context.Readings.Where(r => r.Sensor == "s3" && r.Day == 1 && r.At >= 3000 && r.At < 3500).WithPageSize(100).ToListAsync();
        Assert.Equal(1000, again.Count);
        Assert.All(again, r => Assert.Same(streamed[Position(r)], r));

        static int Position(Reading r) => r.At * 2 + (1 - r.Seq);
    }

    [Fact]
    public async Task AsNoTrackingWithIdentityResolution_streams_every_row_once_and_tracks_nothing()
    {
        await using var context = data.Store.CreateContext();
        var seen = new BitArray(HundredThousandReadings.Count);
        var rows = 0;

        await foreach (var reading in context.Readings.Where(r => r.Sensor == "s5" && r.Day == 1).AsNoTrackingWithIdentityResolution().WithPageSize(1000).AsAsyncEnumerable())
        {
            var index = HundredThousandReadings.IndexOf(reading);
            Assert.False(seen[index]);
            seen[index] = true;
            rows++;
        }

        Assert.Equal(HundredThousandReadings.PerPartition, rows);
        Assert.Empty(context.ChangeTracker.Entries());
    }
}
