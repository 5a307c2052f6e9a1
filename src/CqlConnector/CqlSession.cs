using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CqlConnector.Cluster;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Pooling;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>
/// The long-lived, thread-safe state behind a <see cref="CqlDataSource"/>: a control connection that follows the
/// cluster's topology, a pool of connections per node, the policies that route and retry requests, and the
/// prepared statements. One per application (per connection string); every <see cref="CqlConnection"/> opened from
/// the data source shares it.
/// </summary>
public sealed partial class CqlSession : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Task<PreparedMetadata>> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPEndPoint, HostConnectionPool> _pools = new();
    private readonly ControlConnection _control;
    private readonly ClusterView _view;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _eventLock = new(1, 1);
    private readonly object _topologyLock = new();
    private volatile CqlHost[] _hosts = [];
    private volatile bool _initialized;
    private bool _disposed;
    private Task? _heartbeat;

    internal CqlSession(ConnectionSettings settings)
    {
        Settings = settings;
        _control = new ControlConnection(this);
        _view = new ClusterView(this);
    }

    internal ConnectionSettings Settings { get; }

    /// <summary>The release version of the node the control connection uses (e.g. "2.1.0"), known once connected.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>The protocol version negotiated with the cluster, known once connected.</summary>
    public ProtocolVersion? ProtocolVersion { get; private set; }

    /// <summary>Every node the session knows of, up or down.</summary>
    public IReadOnlyList<CqlHost> Hosts => _hosts;

    /// <summary>The state of the connection pool of each node.</summary>
    public IReadOnlyList<CqlHostPoolState> GetPoolStates() => _hosts
        .Select(host => _pools.TryGetValue(host.EndPoint, out var pool)
            ? new CqlHostPoolState(host, pool.Connections.Count, pool.Connections.Sum(c => c.InFlight), pool.QueuedRequests, pool.IsReconnecting)
            : new CqlHostPoolState(host, 0, 0, 0, false))
        .ToArray();

    internal TokenMap? TokenMap { get; private set; }

    /// <summary>
    /// Connects on first use: the control connection to the first reachable contact point reads the topology, then
    /// each node the load-balancing policy does not ignore gets its pool. Fails only when no node can be reached.
    /// </summary>
    internal async ValueTask EnsureInitializedAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (io == IOBehavior.Synchronous)
        {
            _initLock.Wait(cancellationToken);
        }
        else
        {
            await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (_initialized)
            {
                return;
            }

            var candidates = await ResolveContactPointsAsync(io, cancellationToken).ConfigureAwait(false);
            var topology = await _control.ConnectAsync(candidates, io, cancellationToken).ConfigureAwait(false);
            ProtocolVersion = _control.Connection!.ProtocolVersion;
            ServerVersion = topology.Hosts[0].ReleaseVersion;
            ApplyTopology(topology, openPools: false);
            Settings.LoadBalancingPolicy.Initialize(_view);

            var errors = new Dictionary<EndPoint, Exception>();
            foreach (var host in _hosts)
            {
                if (Settings.LoadBalancingPolicy.GetDistance(host) == HostDistance.Ignored)
                {
                    continue;
                }

                var pool = _pools.GetOrAdd(host.EndPoint, _ => new HostConnectionPool(host, this, Settings));
                try
                {
                    await pool.OpenAsync(io, cancellationToken).ConfigureAwait(false);
                }
                catch (CqlException ex)
                {
                    errors[host.EndPoint] = ex;
                }
            }

            if (!_pools.Values.Any(p => p.Connections.Count > 0))
            {
                throw errors.Count == 1 ? (Exception)errors.Values.First() : new CqlNoHostAvailableException(errors);
            }

            _heartbeat ??= Task.Run(() => HeartbeatLoopAsync(_shutdown.Token));
            _initialized = true;
        }
        catch
        {
            // Leave nothing half-open: the next attempt starts afresh.
            _control.Reset();
            foreach (var pool in _pools.Values)
            {
                pool.Dispose();
            }

            _pools.Clear();
            throw;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async ValueTask<IReadOnlyList<IPEndPoint>> ResolveContactPointsAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var endPoints = new List<IPEndPoint>();
        var errors = new Dictionary<EndPoint, Exception>();
        foreach (var contactPoint in Settings.ContactPoints)
        {
            var host = contactPoint;
            var port = Settings.Port;
            var colon = contactPoint.LastIndexOf(':');
            if (colon > 0 && contactPoint.IndexOf(':') == colon && int.TryParse(contactPoint.AsSpan(colon + 1), out var explicitPort))
            {
                host = contactPoint[..colon];
                port = explicitPort;
            }

            if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            {
                endPoints.Add(new IPEndPoint(address, port));
                continue;
            }

            try
            {
                var addresses = io == IOBehavior.Synchronous
                    ? Dns.GetHostAddresses(host)
                    : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                endPoints.AddRange(addresses.Select(a => new IPEndPoint(a, port)));
            }
            catch (SocketException ex)
            {
                errors[new DnsEndPoint(host, port)] = new CqlConnectionException($"The contact point '{contactPoint}' could not be resolved: {ex.Message}", null, ex);
            }
        }

        if (endPoints.Count == 0)
        {
            throw new CqlNoHostAvailableException(errors);
        }

        return endPoints;
    }

    /// <summary>Opens a connection to a node with the session's settings and the protocol version already negotiated.</summary>
    internal async ValueTask<CqlPhysicalConnection> OpenConnectionAsync(EndPoint endPoint, IOBehavior io, CancellationToken cancellationToken, bool useKeyspace = true)
    {
        var settings = Settings with
        {
            MaxProtocolVersion = ProtocolVersion ?? Settings.MaxProtocolVersion,
            Keyspace = useKeyspace ? Settings.Keyspace : null,
        };
        var connection = await CqlPhysicalConnection.OpenAsync(endPoint, settings, io, cancellationToken).ConfigureAwait(false);
        OnConnectionOpened(connection);
        return connection;
    }

    /// <summary>Brings the known nodes, their pools and the token map in line with what the control connection read.</summary>
    internal void ApplyTopology(TopologySnapshot topology, bool openPools = true)
    {
        lock (_topologyLock)
        {
            ApplyTopologyLocked(topology, openPools);
        }
    }

    private void ApplyTopologyLocked(TopologySnapshot topology, bool openPools)
    {
        var known = _hosts.ToDictionary(h => h.EndPoint);
        var hosts = new List<CqlHost>();
        foreach (var info in topology.Hosts)
        {
            if (!known.Remove(info.EndPoint, out var host))
            {
                host = new CqlHost(info.EndPoint);
            }

            host.Datacenter = info.Datacenter;
            host.Rack = info.Rack;
            host.ReleaseVersion = info.ReleaseVersion;
            host.HostId = info.HostId;
            host.Tokens = info.Tokens;
            hosts.Add(host);
        }

        _hosts = [.. hosts];
        foreach (var removed in known.Values)
        {
            if (_pools.TryRemove(removed.EndPoint, out var pool))
            {
                pool.Dispose();
            }
        }

        TokenMap = topology.Partitioner?.EndsWith("Murmur3Partitioner", StringComparison.Ordinal) == true
            ? TokenMap.Build(hosts, topology.Replication)
            : null;

        if (openPools)
        {
            foreach (var host in hosts)
            {
                if (!_pools.ContainsKey(host.EndPoint) && Settings.LoadBalancingPolicy.GetDistance(host) != HostDistance.Ignored)
                {
                    _pools.GetOrAdd(host.EndPoint, _ => new HostConnectionPool(host, this, Settings)).StartReconnection();
                }
            }
        }
    }

    internal HostConnectionPool? GetPool(CqlHost host) => _pools.GetValueOrDefault(host.EndPoint);

    /// <summary>Handles an event pushed on the control connection (called off the reader thread).</summary>
    internal async Task OnServerEventAsync(ServerEvent serverEvent)
    {
        // One event at a time, in arrival order: an older topology read must not overwrite a newer one.
        await _eventLock.WaitAsync(_shutdown.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        try
        {
            switch (serverEvent.Type)
            {
                case "STATUS_CHANGE" when serverEvent.Change == "UP":
                    var host = _hosts.FirstOrDefault(h => h.EndPoint.Address.Equals(serverEvent.Address!.Address));
                    if (host is not null && _pools.TryGetValue(host.EndPoint, out var pool))
                    {
                        // The node is back: do not wait for the next reconnection delay.
                        pool.StartReconnection(immediately: true);
                    }
                    else
                    {
                        ApplyTopology(await _control.RefreshAsync(IOBehavior.Asynchronous, _shutdown.Token).ConfigureAwait(false));
                    }

                    break;
                case "TOPOLOGY_CHANGE":
                    // NEW_NODE is announced before the node serves clients (§4.2.6): give it a moment.
                    await Task.Delay(TimeSpan.FromSeconds(1), _shutdown.Token).ConfigureAwait(false);
                    ApplyTopology(await _control.RefreshAsync(IOBehavior.Asynchronous, _shutdown.Token).ConfigureAwait(false));
                    break;
                case "SCHEMA_CHANGE":
                    OnSchemaChanged(serverEvent.SchemaChange!);
                    if (serverEvent.SchemaChange!.Target == "KEYSPACE")
                    {
                        ApplyTopology(await _control.RefreshAsync(IOBehavior.Asynchronous, _shutdown.Token).ConfigureAwait(false));
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is CqlException or OperationCanceledException or ObjectDisposedException)
        {
            // The control connection broke meanwhile; it reconnects and reads the topology again by itself.
        }
        finally
        {
            _eventLock.Release();
        }
    }

    /// <summary>A pool lost its last connection: the node is down until a reconnection succeeds.</summary>
    internal void OnHostUnreachable(HostConnectionPool pool)
    {
        if (pool.Host.SetDown())
        {
            Diagnostics.Log.HostDown(Logger, pool.Host.EndPoint, "no connection to it is open");
        }
    }

    /// <summary>
    /// A pool reconnected: the node may have restarted and forgotten the prepared statements, so prepare them again
    /// on it (best effort: a statement that still fails is prepared on demand, on UNPREPARED), then mark it up.
    /// </summary>
    internal async Task OnHostReachableAsync(HostConnectionPool pool, CqlPhysicalConnection connection)
    {
        foreach (var (query, prepared) in _prepared)
        {
            if (!prepared.IsCompletedSuccessfully || !connection.IsOpen)
            {
                continue;
            }

            try
            {
                using var frame = await connection.SendAsync(new PrepareRequest(query, null), Settings.RequestTimeout, IOBehavior.Asynchronous, _shutdown.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CqlException or OperationCanceledException)
            {
                // E.g. the table is gone, or the node is slow to answer just after its restart.
            }
        }

        pool.MarkUpIfConnected();
    }

    /// <summary>The pool has a connection again: the node serves requests.</summary>
    internal void OnHostUp(HostConnectionPool pool)
    {
        if (pool.Host.SetUp())
        {
            Diagnostics.Log.HostUp(Logger, pool.Host.EndPoint);
        }
    }

    /// <summary>A reconnection attempt failed; the next one follows the reconnection schedule.</summary>
    internal void OnReconnectionFailed(HostConnectionPool pool, Exception error)
        => Diagnostics.Log.ConnectionFailed(Logger, pool.Host.EndPoint, error);

    /// <summary>
    /// Prepares <paramref name="query"/> once per session; later calls return the cached metadata. Concurrent
    /// callers share one PREPARE: besides saving round trips, this matters on Cassandra 2.1, whose nodes share a
    /// statement's result metadata between requests, so a PREPARE racing an EXECUTE that skips metadata can come
    /// back without its result columns. The statement is then prepared on the other nodes too, in the background.
    /// <para>
    /// <paramref name="replacing"/> is the metadata a request just failed with (UNPREPARED, or result metadata lacking
    /// its columns): the cached entry holding it is prepared again, on every up node before this returns, so that a
    /// retry finds the statement wherever it goes. Callers that fail with the same metadata share that one re-prepare
    /// (joining it while it runs, taking its result once done) instead of each sending PREPAREs to every node at the
    /// moment a restarted node is busiest.
    /// </para>
    /// </summary>
    internal async ValueTask<PreparedMetadata> PrepareAsync(string query, IOBehavior io, CancellationToken cancellationToken, PreparedMetadata? replacing = null)
    {
        var everywhere = replacing is not null;
        while (true)
        {
            var pending = new TaskCompletionSource<PreparedMetadata>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = ClaimPrepare(query, pending.Task, replacing);
            if (entry != pending.Task)
            {
                if (entry.IsCompletedSuccessfully)
                {
                    return entry.Result;
                }

                if (io == IOBehavior.Synchronous)
                {
                    // A synchronous caller never waits for another caller's asynchronous work (that would need a pool
                    // thread): it prepares by itself, and the shared entry is left to its owner.
                    return await PrepareOnceAsync(query, io, everywhere, cancellationToken).ConfigureAwait(false);
                }

                PreparedMetadata joined;
                try
                {
                    joined = await entry.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_shutdown.IsCancellationRequested)
                {
                    // The shared PREPARE was cancelled, but not for this caller nor the session: never fail a joiner
                    // with someone else's cancellation. The cancelled entry is gone; claim again.
                    continue;
                }

                if (everywhere && !joined.PreparedOnAllHosts)
                {
                    // An ordinary PREPARE (coordinator only) was in flight: claim again, now to replace it everywhere.
                    replacing = joined;
                    continue;
                }

                return joined;
            }

            // The shared PREPARE runs under the session's token, not this caller's: joiners must not fail because the
            // first caller gave up. This caller still stops waiting when its own token is cancelled.
            if (io == IOBehavior.Synchronous)
            {
                CompletePrepare(query, pending, await CaptureAsync(PrepareOnceAsync(query, io, everywhere, _shutdown.Token)).ConfigureAwait(false));
            }
            else
            {
                _ = PrepareOnceAsync(query, io, everywhere, _shutdown.Token).AsTask().ContinueWith(
                    static (work, state) =>
                    {
                        var (session, query, pending) = ((CqlSession, string, TaskCompletionSource<PreparedMetadata>))state!;
                        session.CompletePrepare(query, pending, work);
                    },
                    (this, query, pending),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            return await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Installs <paramref name="pending"/> as the cache entry of <paramref name="query"/> and returns it when this
    /// caller is to prepare; otherwise returns the entry to use or join. With <paramref name="replacing"/>, an entry
    /// is replaced only while it still holds that metadata (or one not yet prepared on every node): once another
    /// caller has replaced it, its re-prepare, running or done, is newer than the failed request and is shared.
    /// </summary>
    private Task<PreparedMetadata> ClaimPrepare(string query, Task<PreparedMetadata> pending, PreparedMetadata? replacing)
    {
        while (true)
        {
            if (!_prepared.TryGetValue(query, out var entry))
            {
                if (_prepared.TryAdd(query, pending))
                {
                    return pending;
                }
            }
            else if (replacing is null || !entry.IsCompletedSuccessfully || entry.Result != replacing && entry.Result.PreparedOnAllHosts)
            {
                return entry;
            }
            else if (_prepared.TryUpdate(query, pending, entry))
            {
                return pending;
            }
        }
    }

    /// <summary>One PREPARE on a coordinator, then (<paramref name="everywhere"/>) on every other up node before returning.</summary>
    private async ValueTask<PreparedMetadata> PrepareOnceAsync(string query, IOBehavior io, bool everywhere, CancellationToken cancellationToken)
    {
        var prepared = await SendPrepareAsync(query, io, cancellationToken).ConfigureAwait(false);
        if (everywhere)
        {
            await PrepareOnOtherHostsAsync(query, prepared, io).ConfigureAwait(false);
        }

        return prepared;
    }

    private static async ValueTask<Task<PreparedMetadata>> CaptureAsync(ValueTask<PreparedMetadata> work)
    {
        try
        {
            return Task.FromResult(await work.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Task.FromException<PreparedMetadata>(ex);
        }
    }

    /// <summary>Publishes the outcome of a shared PREPARE; a failed one is forgotten so that the next caller prepares afresh.</summary>
    private void CompletePrepare(string query, TaskCompletionSource<PreparedMetadata> pending, Task<PreparedMetadata> work)
    {
        if (work.IsCompletedSuccessfully)
        {
            var prepared = work.Result;
            pending.TrySetResult(prepared);
            if (!prepared.PreparedOnAllHosts)
            {
                _ = PrepareOnOtherHostsAsync(query, prepared, IOBehavior.Asynchronous);
            }

            return;
        }

        _prepared.TryRemove(new KeyValuePair<string, Task<PreparedMetadata>>(query, pending.Task));
        pending.TrySetException(work.Exception?.InnerException ?? new OperationCanceledException());
        _ = pending.Task.Exception;
    }

    /// <summary>One PREPARE through the query plan (plus, on protocol v3, the partition-key markers from table metadata).</summary>
    private async ValueTask<PreparedMetadata> SendPrepareAsync(string query, IOBehavior io, CancellationToken cancellationToken)
    {
        var options = new RequestOptions { Timeout = Settings.RequestTimeout, IsIdempotent = true };
        PreparedMetadata prepared;
        using (var frame = await ExecuteAsync(new PrepareRequest(query, null), options, io, cancellationToken).ConfigureAwait(false))
        {
            prepared = ReadPrepared(frame);
        }

        if (prepared.PartitionKeyIndexes.Count == 0 && prepared.Variables.Count > 0 && io == IOBehavior.Asynchronous)
        {
            prepared.PartitionKeyIndexes = await FindPartitionKeyIndexesAsync(prepared, cancellationToken).ConfigureAwait(false);
        }

        prepared.PreparedOn = options.Coordinator;
        return prepared;
    }

    /// <summary>
    /// Protocol v3 does not say which bind markers carry the partition key (v4+ does): find them from the table's
    /// metadata, matching anonymous <c>?</c> markers, which take their column's name. Named markers cannot be matched;
    /// such statements are then routed without a token. Best effort: any failure just leaves routing token-unaware.
    /// </summary>
    private async Task<IReadOnlyList<int>> FindPartitionKeyIndexesAsync(PreparedMetadata prepared, CancellationToken cancellationToken)
    {
        var first = prepared.Variables[0];
        if (TokenMap is null || prepared.Variables.Any(v => v.Keyspace != first.Keyspace || v.Table != first.Table))
        {
            return [];
        }

        try
        {
            var table = await GetTableAsync(first.Keyspace, first.Table, cancellationToken).ConfigureAwait(false);
            if (table is null)
            {
                return [];
            }

            var indexes = new int[table.PartitionKey.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = prepared.Variables.ToList().FindIndex(v => v.Name == table.PartitionKey[i].Name);
                if (indexes[i] < 0)
                {
                    return [];
                }
            }

            return indexes;
        }
        catch (CqlException)
        {
            return [];
        }
    }

    private static PreparedMetadata ReadPrepared(ResponseFrame frame)
    {
        var reader = new CqlReader(frame.Body);
        var kind = (ResultKind)reader.ReadInt32();
        if (kind != ResultKind.Prepared)
        {
            throw new CqlProtocolViolationException($"The node answered PREPARE with a {kind} result.");
        }

        return PreparedMetadata.Read(ref reader, frame.Version);
    }

    /// <summary>
    /// Sends PREPARE to every up node but the one <paramref name="prepared"/> came from, one after another (with
    /// <paramref name="io"/>: a synchronous caller must not block on asynchronous work), then marks it prepared on all hosts.
    /// </summary>
    private async Task PrepareOnOtherHostsAsync(string query, PreparedMetadata prepared, IOBehavior io)
    {
        foreach (var pool in _pools.Values)
        {
            var connections = pool.Connections;
            if (pool.Host.EndPoint.Equals(prepared.PreparedOn) || !pool.Host.IsUp || connections.Count == 0)
            {
                continue;
            }

            try
            {
                using var frame = await connections[0].SendAsync(new PrepareRequest(query, null), Settings.RequestTimeout, io, _shutdown.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CqlException or OperationCanceledException)
            {
                // That node prepares on demand (UNPREPARED) if this failed.
            }
        }

        prepared.PreparedOnAllHosts = true;
    }

    /// <summary>
    /// Sends a request to the cluster and returns the (non-error) response. This is the one path every request
    /// takes: the ADO.NET command, paging, the concurrent executor and batches all come through here.
    /// </summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<ResponseFrame> ExecuteAsync(CqlRequest request, RequestOptions options, IOBehavior io, CancellationToken cancellationToken)
    {
        var diagnostics = StartRequestDiagnostics(request, options);
        ResponseFrame frame;
        try
        {
            await EnsureInitializedAsync(io, cancellationToken).ConfigureAwait(false);
            frame = await RequestHandler.ExecuteAsync(this, request, options, io, cancellationToken).ConfigureAwait(false);
            diagnostics.Complete(options.Coordinator, null);
        }
        catch (Exception ex)
        {
            diagnostics.Complete(options.Coordinator, ex);
            throw;
        }

        if (frame.Opcode == Protocol.Opcode.Result && frame.Body.Length >= 4 && (ResultKind)System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(frame.Body) == ResultKind.SchemaChange)
        {
            var reader = new CqlReader(frame.Body[4..]);
            OnSchemaChanged(SchemaChange.Read(ref reader));
        }

        return frame;
    }

    /// <summary>
    /// Forgets the prepared statements that read or write a changed table (or any table of a changed keyspace), so
    /// that the next execution prepares them again. A node normally answers UNPREPARED for those, but Cassandra 2.1.0
    /// keeps executing a statement prepared against a dropped table, silently against the old table; preparing again
    /// replaces it on the node.
    /// </summary>
    internal void OnSchemaChanged(SchemaChange change)
    {
        if (change.Target is not ("TABLE" or "KEYSPACE") || change.ChangeType == "CREATED" && change.Target == "KEYSPACE")
        {
            return;
        }

        foreach (var (query, entry) in _prepared)
        {
            if (entry.IsCompletedSuccessfully && References(entry.Result, change))
            {
                _prepared.TryRemove(new KeyValuePair<string, Task<PreparedMetadata>>(query, entry));
            }
        }

        static bool References(PreparedMetadata prepared, SchemaChange change)
            => prepared.Variables.Concat(prepared.ResultMetadata.Columns ?? []).Any(column =>
                column.Keyspace == change.Keyspace && (change.Target == "KEYSPACE" || column.Table == change.Name));
    }

    /// <summary>Sends OPTIONS on every connection that sent nothing for a heartbeat interval; one that does not answer is closed and replaced.</summary>
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var interval = Settings.HeartbeatInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval / 2);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var idleSince = Environment.TickCount64 - (long)interval.TotalMilliseconds;
            var connections = _pools.Values.SelectMany(p => p.Connections).Append(_control.Connection).OfType<CqlPhysicalConnection>();
            foreach (var connection in connections)
            {
                if (connection.IsOpen && connection.LastSendTicks < idleSince)
                {
                    _ = HeartbeatAsync(connection, cancellationToken);
                }
            }
        }
    }

    private async Task HeartbeatAsync(CqlPhysicalConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var frame = await connection.SendAsync(OptionsRequest.Instance, Settings.RequestTimeout, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        }
        catch (CqlException ex)
        {
            Diagnostics.Log.HeartbeatFailed(Logger, connection.EndPoint, Settings.RequestTimeout);
            connection.Close(new CqlConnectionException($"The node {connection.EndPoint} did not answer a heartbeat: {ex.Message}", connection.EndPoint, ex));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Closes every connection of the session.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _shutdown.Cancel();
        _control.Dispose();
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }

        _pools.Clear();
    }

    /// <summary>Closes every connection of the session.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The session as the load-balancing policies see it.</summary>
    private sealed class ClusterView(CqlSession session) : ICqlClusterView
    {
        public IReadOnlyList<CqlHost> Hosts => session._hosts;

        public IReadOnlyList<CqlHost> GetReplicas(string keyspace, ReadOnlySpan<byte> routingKey)
            => session.TokenMap is { } map ? map.GetReplicas(keyspace, Murmur3Partitioner.GetToken(routingKey)) : [];
    }
}
