using System.Diagnostics;

namespace CqlConnector.Throughput;

/// <summary>
/// The workloads over keyspace bench, table t (id uuid PRIMARY KEY, name text, age int, payload blob), 100-byte
/// payloads: prepared inserts, prepared point reads of known ids, a full scan at the fetch size, sequential point
/// reads (latency), and a bulk load through the concurrent executor from a lazy sequence (bulk).
/// </summary>
internal sealed class Workload
{
    private static readonly byte[] Payload = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
    private readonly CqlSession _session;
    private readonly Options _options;
    private readonly PreparedStatement _insert;
    private readonly PreparedStatement _select;
    private readonly Guid[] _ids;

    private Workload(CqlSession session, Options options, PreparedStatement insert, PreparedStatement select, Guid[] ids)
    {
        _session = session;
        _options = options;
        _insert = insert;
        _select = select;
        _ids = ids;
    }

    public static async Task<Workload> CreateAsync(CqlSession session, Options options)
    {
        await Run(session, "CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        await Run(session, "CREATE TABLE IF NOT EXISTS bench.t (id uuid PRIMARY KEY, name text, age int, payload blob)");
        var insert = await session.PrepareAsync("INSERT INTO bench.t (id, name, age, payload) VALUES (?, ?, ?, ?)");
        var select = await session.PrepareAsync("SELECT id, name, age, payload FROM bench.t WHERE id = ?");
        var ids = Array.Empty<Guid>();
        if (options.Workload == "bulk")
        {
            // Start empty, so that counting the rows afterwards proves every insert is readable.
            await Run(session, "TRUNCATE bench.t");
        }
        else if (options.Workload is "point-read" or "latency")
        {
            // Reads go to rows that exist: write a working set first (outside the measurement).
            ids = Enumerable.Range(0, Math.Min(options.Ops, 10_000)).Select(_ => Guid.NewGuid()).ToArray();
            var results = await session.ExecuteConcurrentAsync(insert, ids.Select((id, i) => Row(id, i)), 128);
            if (results.FirstOrDefault(r => !r.IsSuccess) is { Exception: { } error })
            {
                throw error;
            }
        }
        else if (options.Workload == "scan")
        {
            await using var count = await session.ExecuteAsync(new SimpleStatement("SELECT id FROM bench.t LIMIT 100000") { PageSize = 5000 });
            var existing = 0;
            await foreach (var _ in count)
            {
                existing++;
            }

            if (existing < options.Ops)
            {
                var missing = Enumerable.Range(0, options.Ops - existing).Select(i => Row(Guid.NewGuid(), i));
                await foreach (var r in session.ExecuteConcurrentStreamAsync(missing.Select(values => (CqlStatement)insert.Bind(values)), 128))
                {
                    r.GetResultOrThrow();
                }
            }
        }

        return new Workload(session, options, insert, select, ids);
    }

    private static object?[] Row(Guid id, int i) => [id, "name" + (i % 1000), i % 100, Payload];

    private static async Task Run(CqlSession session, string cql)
    {
        await using var _ = await session.ExecuteAsync(new SimpleStatement(cql));
    }

    /// <summary>Runs <paramref name="ops"/> operations; returns how many ran and, when measuring, each one's latency in ms.</summary>
    public async Task<(int Ops, double[] Latencies)> RunAsync(int ops, bool measure)
    {
        switch (_options.Workload)
        {
            case "scan":
                return await ScanAsync(ops, measure);
            case "bulk":
                return await BulkAsync(ops);
        }

        var latencies = new double[measure ? ops : 0];
        var next = -1;
        var workers = new Task[Math.Min(_options.Concurrency, ops)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < ops)
                {
                    var start = Stopwatch.GetTimestamp();
                    await using (await _session.ExecuteAsync(CreateStatement(i)))
                    {
                    }

                    if (measure)
                    {
                        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        return (ops, latencies);
    }

    private CqlStatement CreateStatement(int i) => _options.Workload == "insert"
        ? _insert.Bind(Guid.NewGuid(), "name" + (i % 1000), i % 100, Payload)
        : _select.Bind(_ids[i % _ids.Length]);

    /// <summary>Reads up to <paramref name="ops"/> rows of the table page by page; latencies are per page.</summary>
    private async Task<(int, double[])> ScanAsync(int ops, bool measure)
    {
        var latencies = new List<double>();
        var rows = 0;
        var start = Stopwatch.GetTimestamp();
        await using var result = await _session.ExecuteAsync(new SimpleStatement("SELECT id, name, age, payload FROM bench.t") { PageSize = _options.FetchSize });
        await foreach (var page in result.Pages)
        {
            if (measure)
            {
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            foreach (var row in page)
            {
                _ = row.Get<Guid>(0);
                _ = row.Get<string>(1);
                _ = row.Get<int>(2);
                if (++rows == ops)
                {
                    return (rows, latencies.ToArray());
                }
            }

            start = Stopwatch.GetTimestamp();
        }

        return (rows, latencies.ToArray());
    }

    /// <summary>Counts the table's rows (bulk: every acknowledged insert must be readable).</summary>
    public async Task<long> CountRowsAsync()
    {
        long rows = 0;
        await using var result = await _session.ExecuteAsync(new SimpleStatement("SELECT id FROM bench.t") { PageSize = 5000, Timeout = TimeSpan.FromSeconds(60) });
        await foreach (var _ in result)
        {
            rows++;
        }

        return rows;
    }

    /// <summary>The concurrent executor's acceptance run: inserts from a lazy sequence, results streamed.</summary>
    private async Task<(int, double[])> BulkAsync(int ops)
    {
        var statements = Enumerable.Range(0, ops).Select(i => (CqlStatement)_insert.Bind(Guid.NewGuid(), "name" + (i % 1000), i % 100, Payload));
        var failures = 0;
        await foreach (var result in _session.ExecuteConcurrentStreamAsync(statements, _options.Concurrency))
        {
            if (!result.IsSuccess)
            {
                failures++;
            }
        }

        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {ops} inserts failed.");
        }

        return (ops, []);
    }
}
