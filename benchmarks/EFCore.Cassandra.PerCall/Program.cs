// Per-call cost, the shape of a web request: each operation is a new context doing one thing. Measures client CPU per
// operation (this process's CPU; the node runs in another process) for
//   - a tracked LINQ point read, FirstOrDefaultAsync by the full primary key, and the same as a compiled query;
//   - one new entity per SaveChangesAsync;
//   - both again with pooled contexts (PooledDbContextFactory, what AddDbContextPool uses);
// against the driver doing the same work (a prepared SELECT read into an object; a prepared INSERT), at the same
// concurrency. DESIGN.md's budget compares these with the DataStax LINQ and Mapper per call (~118 and ~66 µs where the
// Node.js driver spent ~34 µs per request): divide by the Node.js point-read CPU per request of the throughput harness
// (benchmarks/nodejs) on the same machine.
// Usage: dotnet run -c Release -- [contactPoint=127.0.0.1] [ops=20000] [concurrency=32] [rounds=5] [warmups=3]
// BENCH_GC=1 prints allocations per round (benchmarks/Shared/RoundClock.cs); BENCH_PATHS=a,b runs only those paths.
using System.Globalization;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

var host = args.Length > 0 ? args[0] : "127.0.0.1";
var ops = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var warmups = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
const int Rows = 10_000;
const int Partitions = 100;
var keyspace = "bench_percall";

await using var dataSource = CqlDataSource.Create($"Contact Points={host};Keyspace={keyspace}");
var options = new DbContextOptionsBuilder().UseCassandra(dataSource).Options;

await using (var setup = new BenchContext(options))
{
    await setup.Database.EnsureDeletedAsync();
    await setup.Database.EnsureCreatedAsync();
}

var insert = await dataSource.Session.PrepareAsync(
    $"INSERT INTO \"{keyspace}\".\"items\" (\"Partition\", \"Seq\", \"Name\", \"Value\", \"At\") VALUES (?, ?, ?, ?, ?)");
var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var seed = Enumerable.Range(0, Rows).Select(i => new object?[] { i % Partitions, i / Partitions, "item " + i, i * 0.5, start.AddSeconds(i) }).ToList();
while (seed.Count > 0)
{
    var results = await dataSource.Session.ExecuteConcurrentAsync(insert, seed, concurrency: 128);
    seed = results.Where(r => !r.IsSuccess).Select(r => seed[(int)r.Index]).ToList();
}

var select = $"SELECT \"Partition\", \"Seq\", \"At\", \"Name\", \"Value\" FROM \"{keyspace}\".\"items\" WHERE \"Partition\" = ? AND \"Seq\" = ?";
// What AddDbContextPool gives a web application: contexts reset and reused, not a new service scope per request.
var pool = new PooledDbContextFactory<BenchContext>(new DbContextOptionsBuilder<BenchContext>().UseCassandra(dataSource).Options);
var compiled = EF.CompileAsyncQuery((BenchContext c, int partition, int seq) => c.Items.FirstOrDefault(i => i.Partition == partition && i.Seq == seq));
var inserted = 0;

var paths = new (string Name, Func<int, Task> Operation)[]
{
    ("rawRead", async i =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new CqlCommand(select, connection);
        command.Parameters.Add(new CqlParameter { Value = i % Partitions });
        command.Parameters.Add(new CqlParameter { Value = i % Rows / Partitions });
        await using var reader = await command.ExecuteReaderAsync();
        Check(await reader.ReadAsync()
            ? new Item { Partition = reader.GetInt32(0), Seq = reader.GetInt32(1), At = reader.GetDateTime(2), Name = reader.GetString(3), Value = reader.GetDouble(4) }
            : null);
    }),
    ("linqRead", async i =>
    {
        await using var context = new BenchContext(options);
        int partition = i % Partitions, seq = i % Rows / Partitions;
        Check(await context.Items.FirstOrDefaultAsync(x => x.Partition == partition && x.Seq == seq));
    }),
    ("pooledLinqRead", async i =>
    {
        await using var context = await pool.CreateDbContextAsync();
        int partition = i % Partitions, seq = i % Rows / Partitions;
        Check(await context.Items.FirstOrDefaultAsync(x => x.Partition == partition && x.Seq == seq));
    }),
    ("compiledRead", async i =>
    {
        await using var context = new BenchContext(options);
        Check(await compiled(context, i % Partitions, i % Rows / Partitions));
    }),
    ("rawInsert", async i =>
    {
        var n = Interlocked.Increment(ref inserted);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new CqlCommand(insert.Query, connection);
        foreach (var value in new object[] { Partitions + n % Partitions, n, "new " + n, n * 0.5, start.AddSeconds(n) })
        {
            command.Parameters.Add(new CqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }),
    ("saveChanges", async i =>
    {
        var n = Interlocked.Increment(ref inserted);
        await using var context = new BenchContext(options);
        context.Items.Add(new Item { Partition = Partitions + n % Partitions, Seq = n, Name = "new " + n, Value = n * 0.5, At = start.AddSeconds(n) });
        await context.SaveChangesAsync();
    }),
    ("pooledSaveChanges", async i =>
    {
        var n = Interlocked.Increment(ref inserted);
        await using var context = await pool.CreateDbContextAsync();
        context.Items.Add(new Item { Partition = Partitions + n % Partitions, Seq = n, Name = "new " + n, Value = n * 0.5, At = start.AddSeconds(n) });
        await context.SaveChangesAsync();
    }),
};

// BENCH_PATHS=linqRead,saveChanges runs only those paths (for profiling one of them); the summary needs them all.
if (Environment.GetEnvironmentVariable("BENCH_PATHS") is { Length: > 0 } only)
{
    paths = paths.Where(p => only.Split(',').Contains(p.Name)).ToArray();
}

var medians = new Dictionary<string, List<(double Wall, double Cpu)>>();
for (var round = -warmups; round < rounds; round++) // negative rounds warm up every path
{
    var line = new List<string> { FormattableString.Invariant($"\"round\":{round}") };
    foreach (var (name, operation) in paths)
    {
        var time = await RoundClock.MeasureAsync(() => RunAsync(operation));
        line.Add(FormattableString.Invariant($"\"{name}CpuUs\":{time.Cpu * 1000 / ops:F1},\"{name}WallUs\":{time.Wall * 1000 / ops:F1}"));
        if (round >= 0)
        {
            (medians.TryGetValue(name, out var list) ? list : medians[name] = []).Add(time);
        }
    }

    if (round >= 0)
    {
        Console.WriteLine("{" + string.Join(",", line) + "}");
    }
}

if (paths.Length < 7)
{
    return;
}

double MedianCpuUs(string name) => medians[name].Select(t => t.Cpu).Order().ElementAt(rounds / 2) * 1000 / ops;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{{\"summary\":true,\"ops\":{ops},\"concurrency\":{concurrency},"
    + $"\"rawReadCpuUs\":{MedianCpuUs("rawRead"):F1},\"linqReadCpuUs\":{MedianCpuUs("linqRead"):F1},\"compiledReadCpuUs\":{MedianCpuUs("compiledRead"):F1},"
    + $"\"pooledLinqReadCpuUs\":{MedianCpuUs("pooledLinqRead"):F1},"
    + $"\"rawInsertCpuUs\":{MedianCpuUs("rawInsert"):F1},\"saveChangesCpuUs\":{MedianCpuUs("saveChanges"):F1},\"pooledSaveChangesCpuUs\":{MedianCpuUs("pooledSaveChanges"):F1},"
    + $"\"linqReadCpuRatio\":{MedianCpuUs("linqRead") / MedianCpuUs("rawRead"):F2},\"compiledReadCpuRatio\":{MedianCpuUs("compiledRead") / MedianCpuUs("rawRead"):F2},"
    + $"\"pooledLinqReadCpuRatio\":{MedianCpuUs("pooledLinqRead") / MedianCpuUs("rawRead"):F2},"
    + $"\"saveChangesCpuRatio\":{MedianCpuUs("saveChanges") / MedianCpuUs("rawInsert"):F2},\"pooledSaveChangesCpuRatio\":{MedianCpuUs("pooledSaveChanges") / MedianCpuUs("rawInsert"):F2}}}"));

await using (var cleanup = new BenchContext(options))
{
    await cleanup.Database.EnsureDeletedAsync();
}

// `concurrency` flows share the operations, each awaiting its previous one, as concurrent web requests would.
async Task RunAsync(Func<int, Task> operation)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < ops; i = Interlocked.Increment(ref next))
        {
            await operation(i);
        }
    }));
}

static void Check(Item? item)
{
    if (item is null)
    {
        throw new InvalidOperationException("A seeded row was not found.");
    }
}

internal sealed class Item
{
    public int Partition { get; set; }

    public int Seq { get; set; }

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
    }
}
