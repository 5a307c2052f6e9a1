using System.Diagnostics;
using System.Globalization;
using CqlConnector;
using CqlConnector.Throughput;

// One JSON line per run, the same fields as benchmarks/nodejs/throughput.js, so the two can be compared as ratios.
var options = Options.Parse(args);
await using var dataSource = CqlDataSource.Create($"Contact Points={options.Host};Port={options.Port};Command Timeout=60");
var session = dataSource.Session;
var workload = await Workload.CreateAsync(session, options);

await workload.RunAsync(Math.Clamp(options.Ops / 10, 100, 5000), measure: false); // warm up JIT, connections, caches
GC.Collect();
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var workItems = ThreadPool.CompletedWorkItemCount;
var watch = Stopwatch.StartNew();
var (ops, latencies) = await workload.RunAsync(options.Ops, measure: true);
var elapsed = watch.Elapsed.TotalSeconds;
process.Refresh();
var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
var allocatedPerOp = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)ops;
var workItemsPerOp = (ThreadPool.CompletedWorkItemCount - workItems) / (double)ops;
Array.Sort(latencies);
var peakWorkingSet = process.PeakWorkingSet64;
var gcHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
var readable = options.Workload == "bulk" ? $",\"rows_readable\":{await workload.CountRowsAsync()},\"rows_expected\":{ops + Math.Clamp(options.Ops / 10, 100, 5000)}" : "";

static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];

Console.WriteLine(
    $"{{\"client\":\"cqlconnector\",\"workload\":\"{options.Workload}\",\"ops\":{ops},\"concurrency\":{options.Concurrency},"
    + $"\"elapsed_s\":{F(elapsed)},\"ops_per_s\":{F(ops / elapsed)},\"p50_ms\":{F(Percentile(0.50))},\"p99_ms\":{F(Percentile(0.99))},"
    + $"\"client_cpu_s\":{F(cpuSeconds)},\"cpu_us_per_op\":{F(cpuSeconds * 1e6 / ops)},\"alloc_bytes_per_op\":{F(allocatedPerOp)},"
    + $"\"threadpool_items_per_op\":{F(workItemsPerOp)},\"peak_working_set_mb\":{F(peakWorkingSet / 1048576.0)},"
    + $"\"gc_heap_mb\":{F(gcHeap / 1048576.0)},\"nproc\":{Environment.ProcessorCount}{readable}}}");
