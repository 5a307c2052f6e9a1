namespace CqlConnector.Connections;

/// <summary>
/// One dedicated background thread for the whole process that completes requests whose deadline passed. It does
/// not use the thread pool, so timeouts fire even when the pool is starved, and it costs no timer allocation per
/// request: each request only records its deadline in its slot.
/// </summary>
internal static class RequestTimeoutSweeper
{
    private const int PeriodMilliseconds = 20;
    private static readonly List<CqlPhysicalConnection> Connections = [];
    private static Thread? _thread;

    public static void Register(CqlPhysicalConnection connection)
    {
        lock (Connections)
        {
            Connections.Add(connection);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "CqlConnector timeouts" };
                _thread.Start();
            }
        }
    }

    public static void Unregister(CqlPhysicalConnection connection)
    {
        lock (Connections)
        {
            Connections.Remove(connection);
        }
    }

    private static void Run()
    {
        var snapshot = new List<CqlPhysicalConnection>();
        while (true)
        {
            Thread.Sleep(PeriodMilliseconds);
            snapshot.Clear();
            lock (Connections)
            {
                snapshot.AddRange(Connections);
            }

            var now = Environment.TickCount64;
            foreach (var connection in snapshot)
            {
                connection.CompleteTimedOutRequests(now);
            }
        }
    }
}
