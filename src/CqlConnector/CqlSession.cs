using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>
/// The long-lived, thread-safe state behind a <see cref="CqlDataSource"/>: the connections to the cluster and the
/// prepared statements. One per application (per connection string); every <see cref="CqlConnection"/> opened from
/// the data source shares it.
/// </summary>
public sealed partial class CqlSession : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Task<PreparedMetadata>> _prepared = new(StringComparer.Ordinal);
    private CqlPhysicalConnection? _connection;
    private bool _disposed;

    internal CqlSession(ConnectionSettings settings)
    {
        Settings = settings;
    }

    internal ConnectionSettings Settings { get; }

    /// <summary>The release version of the node first connected to (e.g. "2.1.0"), known once connected.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>The protocol version negotiated with the cluster, known once connected.</summary>
    public ProtocolVersion? ProtocolVersion => _connection?.ProtocolVersion;

    /// <summary>Returns the open connection, opening (or re-opening) it when needed.</summary>
    internal async ValueTask<CqlPhysicalConnection> GetConnectionAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var connection = _connection;
        if (connection is { IsOpen: true })
        {
            return connection;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (io == IOBehavior.Synchronous)
        {
            _openLock.Wait(cancellationToken);
        }
        else
        {
            await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            connection = _connection;
            if (connection is { IsOpen: true })
            {
                return connection;
            }

            connection?.Dispose();
            connection = await OpenFirstReachableAsync(io, cancellationToken).ConfigureAwait(false);
            if (ServerVersion is null)
            {
                ServerVersion = await ReadReleaseVersionAsync(connection, io, cancellationToken).ConfigureAwait(false);
            }

            // Prepared ids are per node and may be forgotten when it restarts: prepare again on the new connection.
            _prepared.Clear();
            _connection = connection;
            OnConnectionOpened(connection);
            return connection;
        }
        finally
        {
            _openLock.Release();
        }
    }

    private async ValueTask<CqlPhysicalConnection> OpenFirstReachableAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        List<Exception>? errors = null;
        foreach (var contactPoint in Settings.ContactPoints)
        {
            try
            {
                foreach (var endPoint in await ResolveAsync(contactPoint, io, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        return await CqlPhysicalConnection.OpenAsync(endPoint, Settings, io, cancellationToken).ConfigureAwait(false);
                    }
                    catch (CqlConnectionException ex)
                    {
                        (errors ??= []).Add(ex);
                    }
                }
            }
            catch (SocketException ex)
            {
                (errors ??= []).Add(new CqlConnectionException($"The contact point '{contactPoint}' could not be resolved: {ex.Message}", null, ex));
            }
        }

        if (errors is { Count: 1 })
        {
            throw errors[0];
        }

        throw new CqlConnectionException(
            $"No Cassandra node could be reached at {string.Join(", ", Settings.ContactPoints)} (port {Settings.Port}): "
            + string.Join(" ", errors?.Select(e => e.Message) ?? []),
            null,
            errors is null ? null : new AggregateException(errors));
    }

    private async ValueTask<IReadOnlyList<EndPoint>> ResolveAsync(string contactPoint, IOBehavior io, CancellationToken cancellationToken)
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
            return [new IPEndPoint(address, port)];
        }

        var addresses = io == IOBehavior.Synchronous
            ? Dns.GetHostAddresses(host)
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Select(a => (EndPoint)new IPEndPoint(a, port)).ToArray();
    }

    private async ValueTask<string> ReadReleaseVersionAsync(CqlPhysicalConnection connection, IOBehavior io, CancellationToken cancellationToken)
    {
        var request = new QueryRequest("SELECT release_version FROM system.local", new QueryParameters { Consistency = ConsistencyLevel.One });
        using var frame = await connection.SendAsync(request, Settings.RequestTimeout, io, cancellationToken).ConfigureAwait(false);
        var page = RowsPage.Read(frame, null);
        if (page is null || page.RowCount == 0)
        {
            return "unknown";
        }

        var cells = new RowsPage.Cursor(page);
        cells.MoveNext();
        return cells.IsNull(0) ? "unknown" : CqlConnector.Serialization.Codecs.CqlValueCodec.Read<string>(cells.GetCell(0), CqlType.Text);
    }

    /// <summary>
    /// Prepares <paramref name="query"/> once per connection; later calls return the cached metadata. Concurrent
    /// callers share one PREPARE: besides saving round trips, this matters on Cassandra 2.1, whose nodes share a
    /// statement's result metadata between requests, so a PREPARE racing an EXECUTE that skips metadata can come
    /// back without its result columns.
    /// </summary>
    internal async ValueTask<PreparedMetadata> PrepareAsync(string query, IOBehavior io, CancellationToken cancellationToken, bool force = false)
    {
        var pending = new TaskCompletionSource<PreparedMetadata>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = force ? _prepared.AddOrUpdate(query, pending.Task, (_, _) => pending.Task) : _prepared.GetOrAdd(query, pending.Task);
        if (entry != pending.Task)
        {
            if (io == IOBehavior.Asynchronous)
            {
                return await entry.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Completed by the preparing caller's own thread: this wait needs no thread-pool thread.
            ((IAsyncResult)entry).AsyncWaitHandle.WaitOne();
            return entry.GetAwaiter().GetResult();
        }

        try
        {
            var prepared = await SendPrepareAsync(query, io, cancellationToken).ConfigureAwait(false);
            pending.SetResult(prepared);
            return prepared;
        }
        catch (Exception ex)
        {
            // Forget the failed attempt so that the next caller prepares afresh; the callers that joined it fail with it.
            _prepared.TryRemove(new KeyValuePair<string, Task<PreparedMetadata>>(query, pending.Task));
            pending.SetException(ex);
            _ = pending.Task.Exception;
            throw;
        }
    }

    private async ValueTask<PreparedMetadata> SendPrepareAsync(string query, IOBehavior io, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(io, cancellationToken).ConfigureAwait(false);
        using var frame = await connection.SendAsync(new PrepareRequest(query, null), Settings.RequestTimeout, io, cancellationToken).ConfigureAwait(false);
        var reader = new CqlReader(frame.Body);
        var kind = (ResultKind)reader.ReadInt32();
        if (kind != ResultKind.Prepared)
        {
            throw new CqlProtocolViolationException($"The node answered PREPARE with a {kind} result.");
        }

        return PreparedMetadata.Read(ref reader, frame.Version);
    }

    /// <summary>
    /// Sends a request to the cluster and returns the (non-error) response. This is the one path every request
    /// takes: the ADO.NET command, paging, the concurrent executor and batches all come through here.
    /// </summary>
    internal async ValueTask<ResponseFrame> ExecuteAsync(CqlRequest request, RequestOptions options, IOBehavior io, CancellationToken cancellationToken)
    {
        var diagnostics = StartRequestDiagnostics(request, options);
        try
        {
            var connection = await GetConnectionAsync(io, cancellationToken).ConfigureAwait(false);
            options.Coordinator = connection.EndPoint;
            var response = await connection.SendAsync(request, options.Timeout, io, cancellationToken).ConfigureAwait(false);
            diagnostics.Complete(options.Coordinator, null);
            return response;
        }
        catch (Exception ex)
        {
            diagnostics.Complete(options.Coordinator, ex);
            throw;
        }
    }

    /// <summary>Closes every connection of the session.</summary>
    public void Dispose()
    {
        _disposed = true;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Closes every connection of the session.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
