// SaveChangesAsync of N new entities against the driver's concurrent executor inserting the same rows at the same
// concurrency, on the same node. Prints one JSON line per round and the ratio of the medians (wall and client CPU).
// Usage: dotnet run -c Release -- [contactPoint=127.0.0.1] [entities=10000] [concurrency=128] [rounds=5] [warmups=3]
// Warm-up rounds run both paths until tiered JIT has compiled them fully (EF needs about three); BENCH_GC=1 prints
// allocations and collections per round (benchmarks/Shared/RoundClock.cs).
using System.Globalization;

using CqlConnector;

using Microsoft.EntityFrameworkCore;

var host = args.Length > 0 ? args[0] : "127.0.0.1";
var entities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 128;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var warmups = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
var keyspace = "bench_savechanges";
var connectionString = $"Contact Points={host};Keyspace={keyspace}";

await using var dataSource = CqlDataSource.Create(connectionString);
DbContextOptions Options() => new DbContextOptionsBuilder().UseCassandra(dataSource, o => o.MaxStatementsInFlight(concurrency)).Options;

await using (var setup = new BenchContext(Options()))
{
    await setup.Database.EnsureDeletedAsync();
    await setup.Database.EnsureCreatedAsync();
}

var insert = await dataSource.Session.PrepareAsync(
    $"INSERT INTO \"{keyspace}\".\"rows\" (\"Id\", \"Name\", \"N\", \"At\") VALUES (:p0, :p1, :p2, :p3)");

var ef = new List<(double Wall, double Cpu)>();
var raw = new List<(double Wall, double Cpu)>();
for (var round = -warmups; round < rounds; round++) // negative rounds warm up both paths
{
    var rows = Enumerable.Range(0, entities)
        .Select(i => new Row { Id = Guid.NewGuid(), Name = "row " + i, N = i, At = DateTime.UtcNow })
        .ToList();

    var efTime = await RoundClock.MeasureAsync(async () =>
    {
        await using var context = new BenchContext(Options());
        context.Rows.AddRange(rows);
        await context.SaveChangesAsync();
    });

    var rawTime = await RoundClock.MeasureAsync(async () =>
    {
        var results = await dataSource.Session.ExecuteConcurrentAsync(
            insert,
            rows.Select(r => new object?[] { Guid.NewGuid(), r.Name, r.N, r.At }),
            concurrency);
        if (results.Any(r => !r.IsSuccess))
        {
            throw new InvalidOperationException("A raw insert failed.");
        }
    });

    if (round >= 0)
    {
        ef.Add(efTime);
        raw.Add(rawTime);
        Console.WriteLine(FormattableString.Invariant(
            $"{{\"round\":{round},\"entities\":{entities},\"concurrency\":{concurrency},\"efWallMs\":{efTime.Wall:F1},\"efCpuMs\":{efTime.Cpu:F1},\"rawWallMs\":{rawTime.Wall:F1},\"rawCpuMs\":{rawTime.Cpu:F1}}}"));
    }
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds / 2);
Console.WriteLine(FormattableString.Invariant(
    $"{{\"summary\":true,\"efWallMs\":{Median(ef.Select(e => e.Wall)):F1},\"rawWallMs\":{Median(raw.Select(e => e.Wall)):F1},\"wallRatio\":{Median(ef.Select(e => e.Wall)) / Median(raw.Select(e => e.Wall)):F2},\"efCpuMs\":{Median(ef.Select(e => e.Cpu)):F1},\"rawCpuMs\":{Median(raw.Select(e => e.Cpu)):F1},\"cpuRatio\":{Median(ef.Select(e => e.Cpu)) / Median(raw.Select(e => e.Cpu)):F2}}}"));

await using (var cleanup = new BenchContext(Options()))
{
    await cleanup.Database.EnsureDeletedAsync();
}

internal sealed class Row
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int N { get; set; }

    public DateTime At { get; set; }
}

internal sealed class BenchContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Row> Rows => Set<Row>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Row>().ToTable("rows");
}
