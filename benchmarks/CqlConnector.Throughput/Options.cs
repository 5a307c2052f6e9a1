namespace CqlConnector.Throughput;

/// <summary>The command line: --host --port --workload insert|point-read|scan|latency|bulk --ops N --concurrency C --fetch-size F.</summary>
internal sealed record Options(string Host, int Port, string Workload, int Ops, int Concurrency, int FetchSize)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Usage: --host H --port P --workload insert|point-read|scan|latency|bulk --ops N --concurrency C --fetch-size F");
            }

            values[args[i][2..]] = args[++i];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        var workload = Get("workload", "insert");
        if (workload is not ("insert" or "point-read" or "scan" or "latency" or "bulk"))
        {
            throw new ArgumentException($"Unknown workload '{workload}'. Use insert, point-read, scan, latency or bulk.");
        }

        return new Options(
            Get("host", "127.0.0.1"),
            int.Parse(Get("port", "9042")),
            workload,
            int.Parse(Get("ops", "100000")),
            workload == "latency" ? 1 : int.Parse(Get("concurrency", "128")),
            int.Parse(Get("fetch-size", "5000")));
    }
}
