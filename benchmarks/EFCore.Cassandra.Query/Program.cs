// Reading N rows: EF's tracked ToListAsync and AsNoTracking ToListAsync against the driver's CqlDataReader reading the
// same columns of the same rows with typed getters, on the same node and page size. Prints one JSON line per round and
// the ratios of the medians (wall and client CPU; the node runs in another process, so client CPU is this process's).
// Usage: dotnet run -c Release -- [contactPoint=127.0.0.1] [rows=100000] [rounds=5] [warmups=3]
// Warm-up rounds run every path until tiered JIT has compiled it fully; BENCH_GC=1 prints allocations per round;
// BENCH_NO_THREAD_CHECKS=1 turns off EF's thread-safety checks (an AsyncLocal set and reset per row).
using System.Globalization;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;

var host = args.Length > 0 ? args[0] : "127.0.0.1";
var rowCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var warmups = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
const int Partitions = 10;
var keyspace = "bench_query";
var connectionString = $"Contact Points={host};Keyspace={keyspace};Page Size=5000";

await using var dataSource = CqlDataSource.Create(connectionString);
DbContextOptions Options() => new DbContextOptionsBuilder().UseCassandra(dataSource).EnableThreadSafetyChecks(Environment.GetEnvironmentVariable("BENCH_NO_THREAD_CHECKS") is null).Options;

await using (var setup = new BenchContext(Options()))
{
    await setup.Database.EnsureDeletedAsync();
    await setup.Database.EnsureCreatedAsync();
}

var insert = await dataSource.Session.PrepareAsync(
    $"INSERT INTO \"{keyspace}\".\"items\" (\"Partition\", \"Seq\", \"Name\", \"Value\", \"At\", \"Active\") VALUES (?, ?, ?, ?, ?, ?)");
var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var pending = Enumerable.Range(0, rowCount)
    .Select(i => new object?[] { i % Partitions, i / Partitions, "item " + i, i * 0.5, start.AddSeconds(i), i % 2 == 0 })
    .ToList();
while (pending.Count > 0)
{
    var results = await dataSource.Session.ExecuteConcurrentAsync(insert, pending, concurrency: 128);
    pending = results.Where(r => !r.IsSuccess).Select(r => pending[(int)r.Index]).ToList();
}

var select = $"SELECT \"Partition\", \"Seq\", \"Active\", \"At\", \"Name\", \"Value\" FROM \"{keyspace}\".\"items\"";
var tracked = new List<(double Wall, double Cpu)>();
var untracked = new List<(double Wall, double Cpu)>();
var raw = new List<(double Wall, double Cpu)>();
for (var round = -warmups; round < rounds; round++) // negative rounds warm up every path
{
    var trackedTime = await RoundClock.MeasureAsync(async () =>
    {
        await using var context = new BenchContext(Options());
        Check((await context.Items.ToListAsync()).Count);
    });

    var untrackedTime = await RoundClock.MeasureAsync(async () =>
    {
        await using var context = new BenchContext(Options());
        Check((await context.Items.AsNoTracking().ToListAsync()).Count);
    });

    var rawTime = await RoundClock.MeasureAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<Item>();
        while (await reader.ReadAsync())
        {
            // The same work a materializer must do: every column read with its typed getter into an object.
            items.Add(new Item
            {
                Partition = reader.GetInt32(0), Seq = reader.GetInt32(1), Active = reader.GetBoolean(2), At = reader.GetDateTime(3),
                Name = reader.GetString(4), Value = reader.GetDouble(5),
            });
        }

        Check(items.Count);
    });

    if (round >= 0)
    {
        tracked.Add(trackedTime);
        untracked.Add(untrackedTime);
        raw.Add(rawTime);
        Console.WriteLine(FormattableString.Invariant(
            $"{{\"round\":{round},\"rows\":{rowCount},\"trackedWallMs\":{trackedTime.Wall:F1},\"trackedCpuMs\":{trackedTime.Cpu:F1},\"noTrackingWallMs\":{untrackedTime.Wall:F1},\"noTrackingCpuMs\":{untrackedTime.Cpu:F1},\"rawWallMs\":{rawTime.Wall:F1},\"rawCpuMs\":{rawTime.Cpu:F1}}}"));
    }
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds / 2);
var rawWall = Median(raw.Select(r => r.Wall));
var rawCpu = Median(raw.Select(r => r.Cpu));
var summary = string.Create(CultureInfo.InvariantCulture,
    $"{{\"summary\":true,\"rows\":{rowCount},\"rawWallMs\":{rawWall:F1},\"rawCpuMs\":{rawCpu:F1},"
    + $"\"trackedWallMs\":{Median(tracked.Select(t => t.Wall)):F1},\"trackedCpuMs\":{Median(tracked.Select(t => t.Cpu)):F1},"
    + $"\"noTrackingWallMs\":{Median(untracked.Select(t => t.Wall)):F1},\"noTrackingCpuMs\":{Median(untracked.Select(t => t.Cpu)):F1},"
    + $"\"trackedWallRatio\":{Median(tracked.Select(t => t.Wall)) / rawWall:F2},\"trackedCpuRatio\":{Median(tracked.Select(t => t.Cpu)) / rawCpu:F2},"
    + $"\"noTrackingWallRatio\":{Median(untracked.Select(t => t.Wall)) / rawWall:F2},\"noTrackingCpuRatio\":{Median(untracked.Select(t => t.Cpu)) / rawCpu:F2}}}");
Console.WriteLine(summary);

await using (var cleanup = new BenchContext(Options()))
{
    await cleanup.Database.EnsureDeletedAsync();
}

void Check(int count)
{
    if (count != rowCount)
    {
        throw new InvalidOperationException($"Read {count} rows, expected {rowCount}.");
    }
}

internal sealed class Item
{
    public int Partition { get; set; }

    public int Seq { get; set; }

    public bool Active { get; set; }

    public DateTime At { get; set; }

    public string Name { get; set; } = "";

    public double Value { get; set; }
}

internal sealed class BenchContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var item = modelBuilder.Entity<Item>();
        item.ToTable("items");
        item.HasKey(i => new { i.Partition, i.Seq });
        item.HasPartitionKey(i => i.Partition);
        item.Property(i => i.Seq).HasClusteringOrder(ClusteringOrder.Ascending);
    }
}
