using CqlConnector.Connections;

namespace CqlConnector.Pooling;

/// <summary>
/// The connections to one node. A request takes the least busy open connection; when every connection has its
/// maximum of requests in flight, the request waits in a bounded queue and is admitted as soon as a stream id frees
/// up, or fails fast with <see cref="CqlBusyException"/> when the queue is full (back-pressure, never unbounded
/// memory). When connections break, the pool reconnects in the background on the reconnection policy's schedule;
/// when none is left, the node is marked down until a reconnection succeeds.
/// </summary>
internal sealed class HostConnectionPool : IDisposable
{
    private readonly CqlSession _session;
    private readonly ConnectionSettings _settings;
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource<bool>> _waiters = new();
    private volatile CqlPhysicalConnection[] _connections = [];
    private int _waiterCount;
    private Task? _reconnection;
    private CancellationTokenSource? _reconnectionCancellation;
    private bool _disposed;

    public HostConnectionPool(CqlHost host, CqlSession session, ConnectionSettings settings)
    {
        Host = host;
        _session = session;
        _settings = settings;
    }

    public CqlHost Host { get; }

    /// <summary>The open connections.</summary>
    public IReadOnlyList<CqlPhysicalConnection> Connections => _connections;

    /// <summary>Requests waiting for a free stream id.</summary>
    public int QueuedRequests => Volatile.Read(ref _waiterCount);

    /// <summary>Whether a background reconnection is under way.</summary>
    public bool IsReconnecting => _reconnection is { IsCompleted: false };

    /// <summary>Opens the configured number of connections; throws when not even one can be opened.</summary>
    public async ValueTask OpenAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        Exception? lastError = null;
        var target = Math.Max(1, _settings.ConnectionsPerHost);
        for (var i = _connections.Length; i < target; i++)
        {
            try
            {
                Add(await _session.OpenConnectionAsync(Host.EndPoint, io, cancellationToken).ConfigureAwait(false));
            }
            catch (CqlException ex)
            {
                lastError = ex;
                break;
            }
        }

        if (_connections.Length == 0)
        {
            _session.OnHostUnreachable(this);
            throw lastError ?? new CqlConnectionException($"No connection to {Host.EndPoint} could be opened.", Host.EndPoint);
        }

        if (_connections.Length < target)
        {
            StartReconnection();
        }
    }

    /// <summary>
    /// Returns an open connection with a free stream id, waiting in the bounded queue when all are busy. Throws
    /// <see cref="CqlConnectionException"/> (request not sent) when the pool has no open connection.
    /// </summary>
    public ValueTask<CqlPhysicalConnection> AcquireAsync(IOBehavior io, TimeSpan timeout, CancellationToken cancellationToken)
        => AcquireAsync(io, timeout, DeadlineAfter(timeout), cancellationToken);

    /// <summary>
    /// As <see cref="AcquireAsync(IOBehavior, TimeSpan, CancellationToken)"/>, waiting at most until
    /// <paramref name="deadline"/> (from <see cref="DeadlineAfter"/>): a request that got a connection but lost its last
    /// stream id to another request comes back with the deadline of its first wait, so that however often it is beaten,
    /// it never waits longer than <paramref name="timeout"/> in all.
    /// </summary>
    public async ValueTask<CqlPhysicalConnection> AcquireAsync(IOBehavior io, TimeSpan timeout, long deadline, CancellationToken cancellationToken)
    {
        // One deadline for the whole wait: a waiter woken but beaten to the stream id queues again for what is left.
        while (true)
        {
            var connections = _connections;
            if (connections.Length == 0)
            {
                StartReconnection();
                throw new CqlConnectionException($"No open connection to {Host.EndPoint}; reconnecting in the background.", Host.EndPoint)
                {
                    RequestNotSent = true,
                };
            }

            CqlPhysicalConnection? best = null;
            foreach (var connection in connections)
            {
                if (connection.IsOpen && connection.InFlight < connection.MaxRequests && (best is null || connection.InFlight < best.InFlight))
                {
                    best = connection;
                }
            }

            if (best is not null)
            {
                return best;
            }

            if (deadline != long.MaxValue && Environment.TickCount64 >= deadline)
            {
                throw QueueTimeout(timeout);
            }

            var remaining = deadline == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            await WaitForCapacityAsync(io, remaining, timeout, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask WaitForCapacityAsync(IOBehavior io, TimeSpan remaining, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_waiterCount >= _settings.MaxQueueSize)
            {
                throw new CqlBusyException(
                    $"All connections to {Host.EndPoint} have {_settings.MaxRequestsPerConnection} requests in flight and {_waiterCount} requests are already queued. "
                    + "The client sends faster than the node answers: lower the concurrency, or raise 'Connections Per Host', 'Max Requests Per Connection' or 'Max Queue Size'.",
                    Host.EndPoint);
            }

            _waiters.Enqueue(waiter);
            _waiterCount++;
        }

        // A stream id may have been freed between the caller's scan and the enqueue: look again once.
        if (_connections.Any(c => c.IsOpen && c.InFlight < c.MaxRequests) && waiter.TrySetResult(true))
        {
            lock (_lock)
            {
                _waiterCount--;
            }
        }

        var task = waiter.Task;
        try
        {
            if (io == IOBehavior.Synchronous)
            {
                // Completed by whichever thread frees a stream id: no thread-pool thread is needed to wake up.
                if (!task.Wait(remaining, cancellationToken))
                {
                    throw QueueTimeout(timeout);
                }
            }
            else
            {
                await task.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            throw QueueTimeout(timeout);
        }
        finally
        {
            // Still waiting (timed out, cancelled): leave the queue's count; a waiter that was woken was already counted out.
            if (waiter.TrySetResult(false))
            {
                lock (_lock)
                {
                    _waiterCount--;
                }
            }
        }
    }

    /// <summary>When a wait of <paramref name="timeout"/> starting now ends, in <see cref="Environment.TickCount64"/> milliseconds; <see cref="long.MaxValue"/> for none.</summary>
    public static long DeadlineAfter(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;

    /// <summary>The error of a request whose wait for a free stream id on this node ran out.</summary>
    public CqlTimeoutException QueueTimeout(TimeSpan timeout) => new(
        $"The request waited {timeout.TotalMilliseconds:0} ms for a free stream id on the connections to {Host.EndPoint} and got none; the node is saturated.",
        timeout);

    private void OnStreamIdReleased(CqlPhysicalConnection connection)
    {
        if (Volatile.Read(ref _waiterCount) == 0)
        {
            return;
        }

        // Wake one waiter; one that gave up meanwhile (timed out, cancelled) does not consume the wake-up.
        while (true)
        {
            TaskCompletionSource<bool>? next;
            lock (_lock)
            {
                if (!_waiters.TryDequeue(out next))
                {
                    return;
                }
            }

            if (next.TrySetResult(true))
            {
                lock (_lock)
                {
                    _waiterCount--;
                }

                return;
            }
        }
    }

    private void Add(CqlPhysicalConnection connection)
    {
        connection.StreamIdReleased = OnStreamIdReleased;
        lock (_lock)
        {
            if (_disposed)
            {
                connection.Dispose();
                return;
            }

            _connections = [.. _connections, connection];
        }

        connection.Closed = OnConnectionClosed;
        if (connection.CloseReason is { } reason)
        {
            // It closed before it could tell the pool: handle it as if it had.
            OnConnectionClosed(connection, reason);
        }
    }

    private void OnConnectionClosed(CqlPhysicalConnection connection, Exception reason)
    {
        lock (_lock)
        {
            var remaining = _connections.Where(c => !ReferenceEquals(c, connection)).ToArray();
            if (remaining.Length == _connections.Length || _disposed)
            {
                return;
            }

            _connections = remaining;
            if (remaining.Length == 0)
            {
                // Decided under the lock, so that a reconnection adding a connection cannot be overtaken.
                _session.OnHostUnreachable(this);
            }
        }

        // Wake every waiter: they will find no capacity here and move on, or find another connection.
        WakeAllWaiters();
        StartReconnection();
    }

    /// <summary>Marks the node up when the pool has a connection (under the lock that also decides "down").</summary>
    public void MarkUpIfConnected()
    {
        lock (_lock)
        {
            if (_connections.Length > 0)
            {
                _session.OnHostUp(this);
            }
        }
    }

    private void WakeAllWaiters()
    {
        List<TaskCompletionSource<bool>> waiters;
        lock (_lock)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
            _waiterCount = 0;
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(true);
        }
    }

    /// <summary>
    /// Starts the background loop that brings the pool back to its configured size, unless one is running. When the
    /// cluster reports the node up, <paramref name="immediately"/> restarts the loop without waiting for its next delay.
    /// </summary>
    public void StartReconnection(bool immediately = false)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_reconnection is { IsCompleted: false })
            {
                if (!immediately)
                {
                    return;
                }

                _reconnectionCancellation?.Cancel();
            }

            _reconnectionCancellation = new CancellationTokenSource();
            var token = _reconnectionCancellation.Token;
            _reconnection = Task.Run(() => ReconnectAsync(token));
        }
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        var target = Math.Max(1, _settings.ConnectionsPerHost);
        using var schedule = _settings.ReconnectionPolicy.NewSchedule().GetEnumerator();
        while (!cancellationToken.IsCancellationRequested && _connections.Length < target)
        {
            schedule.MoveNext();
            try
            {
                await Task.Delay(schedule.Current, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var connection = await _session.OpenConnectionAsync(Host.EndPoint, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
                Add(connection);
                await _session.OnHostReachableAsync(this, connection).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CqlException or OperationCanceledException or ObjectDisposedException)
            {
                _session.OnReconnectionFailed(this, ex);
            }
        }
    }

    public void Dispose()
    {
        CqlPhysicalConnection[] connections;
        lock (_lock)
        {
            _disposed = true;
            _reconnectionCancellation?.Cancel();
            connections = _connections;
            _connections = [];
        }

        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        WakeAllWaiters();
    }
}
