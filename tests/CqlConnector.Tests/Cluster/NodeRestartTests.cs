using System.Collections.Concurrent;
using System.Diagnostics;
using CqlConnector.Tests.Security;

namespace CqlConnector.Tests.Cluster;

/// <summary>A plain node of its own (scripts/cassandra.sh --variant spare) that this test may kill and restart.</summary>
public sealed class SpareNode() : VariantNode("spare", "127.0.0.4", 9342);

public sealed class NodeRestartTests(SpareNode node, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SpareNode>
{
    [Fact]
    public async Task Killing_the_node_mid_workload_hangs_nothing_loses_no_acknowledged_write_and_the_same_session_serves_again()
    {
        var keyspace = "restart_" + Guid.NewGuid().ToString("N")[..8];
        await using var dataSource = CqlDataSource.Create(node.ConnectionString + ";Command Timeout=2;Reconnect Base Delay=100;Reconnect Max Delay=1000");
        await using (var ddl = dataSource.CreateCommand($"CREATE KEYSPACE {keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        await using (var ddl = dataSource.CreateCommand($"CREATE TABLE {keyspace}.writes (id int PRIMARY KEY)"))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        var acknowledged = new ConcurrentBag<int>();
        var failures = new ConcurrentBag<Exception>();
        var next = 0;
        using var stop = new CancellationTokenSource();

        async Task WriterAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Interlocked.Increment(ref next);
                await using var insert = dataSource.CreateCommand($"INSERT INTO {keyspace}.writes (id) VALUES (:id)");
                insert.Parameters.AddWithValue("id", id);
                try
                {
                    await insert.ExecuteNonQueryAsync();
                    acknowledged.Add(id);
                }
                catch (CqlException ex)
                {
                    failures.Add(ex);
                    await Task.Delay(20);
                }
            }
        }

        var writers = Enumerable.Range(0, 16).Select(_ => Task.Run(WriterAsync)).ToArray();
        var warmUp = Stopwatch.StartNew();
        while (acknowledged.Count < 200)
        {
            Assert.True(warmUp.Elapsed < TimeSpan.FromSeconds(20), $"Writes are not acknowledged: {failures.FirstOrDefault()?.Message}");
            await Task.Delay(20);
        }

        failures.Clear();

        // Kill the node under load, as a crash would (SIGKILL: no drain, no flush).
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(node.RepositoryRoot, ".cassandra", "variants", "spare", "cassandra.pid")));
        Process.GetProcessById(pid).Kill();
        await Task.Delay(3000);

        // Every request ended by itself with a clear error: none hangs past its 2 s timeout.
        var failuresWhileDown = failures.Count;
        Assert.True(failuresWhileDown > 0, "No request failed while the node was down.");
        Assert.All(failures, f => Assert.True(
            f is CqlNoHostAvailableException or CqlConnectionException or CqlTimeoutException,
            $"Unexpected {f.GetType().Name}: {f.Message}"));

        var (started, startOutput) = await node.RunScriptAsync("start");
        Assert.True(started == 0, startOutput);
        var listening = Stopwatch.StartNew();

        // The same session serves again, without being re-created.
        var before = acknowledged.Count;
        while (acknowledged.Count == before)
        {
            Assert.True(listening.Elapsed < TimeSpan.FromSeconds(30), "The session did not serve again within 30 s of the node listening.");
            await Task.Delay(20);
        }

        var servedAfter = listening.Elapsed;
        output.WriteLine($"Served again {servedAfter.TotalMilliseconds:0} ms after the node listened; {failuresWhileDown} requests failed while it was down.");
        stop.Cancel();
        var allDone = Task.WhenAll(writers);
        Assert.Same(allDone, await Task.WhenAny(allDone, Task.Delay(TimeSpan.FromSeconds(10))));

        // Every acknowledged write is there (the commit log was replayed).
        var stored = new HashSet<int>();
        await using (var select = dataSource.CreateCommand($"SELECT id FROM {keyspace}.writes"))
        {
            select.CommandTimeout = 30;
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetInt32(0));
            }
        }

        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes are missing after the restart (stored {stored.Count}).");
        Assert.True(servedAfter < TimeSpan.FromSeconds(5), $"Serving again took {servedAfter.TotalMilliseconds:0} ms after the node listened.");

        await using var drop = dataSource.CreateCommand($"DROP KEYSPACE {keyspace}");
        drop.CommandTimeout = 30;
        await drop.ExecuteNonQueryAsync();
    }
}
