using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>A keyspace of its own with the readings table, for tests that change or bulk-load rows.</summary>
public sealed class ReadingStore : IAsyncDisposable
{
    private ReadingStore(string connectionString, string keyspace)
    {
        ConnectionString = connectionString;
        Keyspace = keyspace;
    }

    public string ConnectionString { get; }

    public string Keyspace { get; }

    public static async Task<ReadingStore> CreateAsync(string purpose, IEnumerable<Reading>? rows = null)
    {
        var endpoint = await CassandraServer.GetAsync();
        var keyspace = $"t_{purpose}_{Guid.NewGuid():N}"[..Math.Min(40, 3 + purpose.Length + 13)];
        var store = new ReadingStore($"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={keyspace}", keyspace);
        await using var context = store.CreateContext();
        await context.Database.EnsureCreatedAsync();
        if (rows is not null)
        {
            await store.InsertAsync(rows);
        }

        return store;
    }

    public ReadingContext CreateContext(Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder().UseCassandra(ConnectionString);
        configure?.Invoke(builder);
        return new ReadingContext(builder.Options);
    }

    /// <summary>Writes rows in chunks through SaveChanges (a fresh context per chunk keeps the tracker small).</summary>
    public async Task InsertAsync(IEnumerable<Reading> rows, int chunk = 2000)
    {
        foreach (var part in rows.Chunk(chunk))
        {
            await using var context = CreateContext();
            context.AddRange(part);
            await context.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Writes many plain rows (key, Value, Unit, Note) straight through the driver's concurrent executor, re-sending
    /// the writes a loaded node timed out: the quick way to seed 100,000 rows.
    /// </summary>
    public async Task BulkInsertAsync(IEnumerable<Reading> rows)
    {
        await using var dataSource = CqlConnector.CqlDataSource.Create(ConnectionString);
        var insert = await dataSource.Session.PrepareAsync(
            $"INSERT INTO \"{Keyspace}\".\"readings\" (\"Sensor\", \"Day\", \"At\", \"Seq\", \"Value\", \"Unit\", \"Note\", \"Valid\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        var pending = rows.Select(r => new object?[] { r.Sensor, r.Day, r.At, r.Seq, r.Value, r.Unit, r.Note, r.Valid }).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var results = await dataSource.Session.ExecuteConcurrentAsync(insert, pending, concurrency: 64);
            var failed = results.Where(r => !r.IsSuccess).ToList();
            if (failed.Count > 0 && attempt == 5)
            {
                throw failed[0].Exception!;
            }

            pending = failed.Select(r => pending[(int)r.Index]).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    /// <summary>Plain readings: <paramref name="sensors"/> partitions of day 1, each with <paramref name="perPartition"/> rows.</summary>
    public static IEnumerable<Reading> Rows(int sensors, int perPartition)
        => from s in Enumerable.Range(0, sensors)
           from i in Enumerable.Range(0, perPartition)
           select new Reading { Sensor = $"s{s}", Day = 1, At = i / 2, Seq = i % 2, Value = s * 1000 + i, Unit = "C", Note = "n" };
}
