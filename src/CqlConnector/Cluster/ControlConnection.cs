using System.Net;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Cluster;

/// <summary>
/// The session's connection for the control plane: it reads the topology from system.local and system.peers
/// (system.peers_v2 where it exists), is REGISTERed for topology, status and schema events, and moves to another
/// node when its own breaks.
/// </summary>
internal sealed class ControlConnection : IDisposable
{
    private static readonly string[] EventTypes = ["TOPOLOGY_CHANGE", "STATUS_CHANGE", "SCHEMA_CHANGE"];
    private readonly CqlSession _session;
    private readonly object _lock = new();
    private CqlPhysicalConnection? _connection;
    private bool _peersV2Missing;
    private bool _disposed;
    private Task? _reconnection;

    public ControlConnection(CqlSession session)
    {
        _session = session;
    }

    public CqlPhysicalConnection? Connection => _connection;

    /// <summary>The host the control connection is connected to.</summary>
    public IPEndPoint? EndPoint => _connection?.EndPoint as IPEndPoint;

    /// <summary>Connects to the first reachable of <paramref name="candidates"/>, registers for events and reads the topology.</summary>
    public async ValueTask<TopologySnapshot> ConnectAsync(IReadOnlyList<IPEndPoint> candidates, IOBehavior io, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<EndPoint, Exception>();
        foreach (var endPoint in candidates)
        {
            CqlPhysicalConnection? connection = null;
            try
            {
                connection = await _session.OpenConnectionAsync(endPoint, io, cancellationToken, useKeyspace: false).ConfigureAwait(false);
                using (await connection.SendAsync(new RegisterRequest(EventTypes), _session.Settings.RequestTimeout, io, cancellationToken).ConfigureAwait(false))
                {
                }

                connection.EventReceived = OnEvent;
                var topology = await ReadTopologyAsync(connection, io, cancellationToken).ConfigureAwait(false);
                connection.Closed = OnClosed;
                lock (_lock)
                {
                    if (_disposed)
                    {
                        connection.Dispose();
                        throw new ObjectDisposedException(nameof(CqlSession));
                    }

                    _connection = connection;
                }

                return topology;
            }
            catch (CqlException ex) when (ex is not CqlAuthenticationException)
            {
                // Wrong credentials are wrong on every node: only other errors make the next node worth trying.
                connection?.Dispose();
                errors[endPoint] = ex;
            }
        }

        throw errors.Count == 1 ? (Exception)errors.Values.First() : new CqlNoHostAvailableException(errors);
    }

    /// <summary>Reads system.local and the peers table on the control connection.</summary>
    public async ValueTask<TopologySnapshot> RefreshAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new CqlConnectionException("The control connection is not open.", null);
        return await ReadTopologyAsync(connection, io, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TopologySnapshot> ReadTopologyAsync(CqlPhysicalConnection connection, IOBehavior io, CancellationToken cancellationToken)
    {
        var timeout = _session.Settings.RequestTimeout;
        var local = (await SystemQuery.ReadRowsAsync(connection, "SELECT * FROM system.local WHERE key = 'local'", timeout, io, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault() ?? throw new CqlProtocolViolationException($"The node {connection.EndPoint} returned no row from system.local.");
        var hosts = new List<HostInfo> { HostInfo.FromLocal(local, (IPEndPoint)connection.EndPoint) };

        IReadOnlyList<IReadOnlyDictionary<string, object?>>? peers = null;
        if (!_peersV2Missing)
        {
            try
            {
                peers = await SystemQuery.ReadRowsAsync(connection, "SELECT * FROM system.peers_v2", timeout, io, cancellationToken).ConfigureAwait(false);
            }
            catch (CqlInvalidQueryException)
            {
                _peersV2Missing = true;
            }
        }

        peers ??= await SystemQuery.ReadRowsAsync(connection, "SELECT * FROM system.peers", timeout, io, cancellationToken).ConfigureAwait(false);
        foreach (var peer in peers)
        {
            if (HostInfo.FromPeer(peer, ((IPEndPoint)connection.EndPoint).Port) is { } info)
            {
                hosts.Add(info);
            }
        }

        var strategies = await ReadReplicationAsync(connection, local, io, cancellationToken).ConfigureAwait(false);
        return new TopologySnapshot(hosts, local.GetValueOrDefault("partitioner") as string, strategies);
    }

    private static async ValueTask<IReadOnlyDictionary<string, ReplicationStrategy>> ReadReplicationAsync(
        CqlPhysicalConnection connection, IReadOnlyDictionary<string, object?> local, IOBehavior io, CancellationToken cancellationToken)
    {
        var parser = Metadata.SchemaParser.ForReleaseVersion(local.GetValueOrDefault("release_version") as string) ?? Metadata.SchemaParserV3.Instance;
        var replication = await parser.ReadReplicationAsync(async cql =>
            (await SystemQuery.ReadRowsAsync(connection, cql, TimeSpan.FromSeconds(30), io, cancellationToken).ConfigureAwait(false))
                .Select(row => new Metadata.SchemaRow(row)).ToArray()).ConfigureAwait(false);

        var strategies = new Dictionary<string, ReplicationStrategy>(StringComparer.Ordinal);
        foreach (var (keyspace, (strategy, options)) in replication)
        {
            if (ReplicationStrategy.Parse(strategy, options) is { } parsed)
            {
                strategies[keyspace] = parsed;
            }
        }

        return strategies;
    }

    private void OnEvent(ResponseFrame frame)
    {
        ServerEvent serverEvent;
        try
        {
            frame.ReadEnvelope();
            serverEvent = ServerEvent.Read(frame.Body);
        }
        catch (CqlException)
        {
            return;
        }
        finally
        {
            frame.Dispose();
        }

        // Never work on the reader thread: it must go back to reading.
        _ = Task.Run(() => _session.OnServerEventAsync(serverEvent));
    }

    private void OnClosed(CqlPhysicalConnection connection, Exception reason)
    {
        lock (_lock)
        {
            if (_disposed || !ReferenceEquals(connection, _connection))
            {
                return;
            }

            _connection = null;
            if (_reconnection is { IsCompleted: false })
            {
                return;
            }

            _reconnection = Task.Run(ReconnectAsync);
        }
    }

    private async Task ReconnectAsync()
    {
        using var schedule = _session.Settings.ReconnectionPolicy.NewSchedule().GetEnumerator();
        while (!_disposed)
        {
            schedule.MoveNext();
            await Task.Delay(schedule.Current).ConfigureAwait(false);
            var candidates = _session.Hosts.Where(h => h.IsUp).Concat(_session.Hosts.Where(h => !h.IsUp)).Select(h => h.EndPoint).ToArray();
            try
            {
                var topology = await ConnectAsync(candidates, IOBehavior.Asynchronous, CancellationToken.None).ConfigureAwait(false);
                _session.ApplyTopology(topology);
                return;
            }
            catch (Exception ex) when (ex is CqlException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
    }
}
