using System.Net;
using System.Net.Sockets;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Connections;

/// <summary>
/// One socket to one node, multiplexing many requests by stream id. A dedicated reader thread parses every complete
/// frame of each read and completes the waiting requests (their continuations run asynchronously, never on the
/// reader); writes are coalesced so that frames queued while one write is under way go out together in the next.
/// This type is split by concern: reading (.Read), writing (.Write) and the handshake (.Handshake).
/// </summary>
internal sealed partial class CqlPhysicalConnection : IDisposable
{
    [ThreadStatic]
    private static CqlBufferWriter? _scratch;

    private readonly ConnectionSettings _settings;
    private readonly RequestSlot?[] _slots;
    private readonly Stack<short> _freeStreamIds;
    private readonly object _streamIdLock = new();
    private Socket? _socket;
    private Stream? _stream;
    private volatile Exception? _closeReason;
    private int _inFlight;
    private bool _readerStopped;

    private CqlPhysicalConnection(EndPoint endPoint, ConnectionSettings settings, ProtocolVersion version)
    {
        EndPoint = endPoint;
        _settings = settings;
        ProtocolVersion = version;
        var maxRequests = Math.Clamp(settings.MaxRequestsPerConnection, 1, 32768);
        _slots = new RequestSlot?[maxRequests];
        _freeStreamIds = new Stack<short>(maxRequests);
        for (var id = maxRequests - 1; id >= 0; id--)
        {
            _freeStreamIds.Push((short)id);
        }
    }

    public EndPoint EndPoint { get; }

    /// <summary>The protocol version negotiated with the node.</summary>
    public ProtocolVersion ProtocolVersion { get; }

    /// <summary>The keyspace set on this connection by USE, if any.</summary>
    public string? Keyspace { get; private set; }

    /// <summary>What the server answered to OPTIONS (CQL_VERSION, COMPRESSION, ...).</summary>
    public IReadOnlyDictionary<string, List<string>> SupportedOptions { get; private set; } = new Dictionary<string, List<string>>();

    public bool IsOpen => _closeReason is null;

    /// <summary>Requests sent and not yet answered, timed out or cancelled.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How many requests may be in flight at once (the stream ids this connection uses).</summary>
    public int MaxRequests => _slots.Length;

    /// <summary>When bytes last arrived from the node, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long LastReceiveTicks { get; private set; } = Environment.TickCount64;

    /// <summary>When the last request was sent, in <see cref="Environment.TickCount64"/> milliseconds (for heartbeats).</summary>
    public long LastSendTicks { get; private set; } = Environment.TickCount64;

    /// <summary>Called (on any thread) each time a stream id becomes free again, so a pool can admit a waiting request.</summary>
    public Action<CqlPhysicalConnection>? StreamIdReleased { get; set; }

    /// <summary>Called once when the connection closes, with the reason.</summary>
    public Action<CqlPhysicalConnection, Exception>? Closed { get; set; }

    /// <summary>Why the connection closed, or null while it is open.</summary>
    public Exception? CloseReason => _closeReason;

    /// <summary>
    /// Sends a request and returns its response, raising the server's ERROR as its typed exception. The frame is
    /// encoded before a stream id is taken, so a value that cannot be encoded fails without touching the connection.
    /// </summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ResponseFrame> SendAsync(CqlRequest request, TimeSpan timeout, IOBehavior io, CancellationToken cancellationToken)
    {
        var frame = await SendRawAsync(request, timeout, io, cancellationToken).ConfigureAwait(false);
        try
        {
            frame.ReadEnvelope();
            if (frame.Opcode == Opcode.Error)
            {
                var error = ErrorResponse.ToException(frame.Body, frame.Version);
                error.Coordinator = EndPoint;
                throw error;
            }

            return frame;
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    private ValueTask<ResponseFrame> SendRawAsync(CqlRequest request, TimeSpan timeout, IOBehavior io, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfClosed();
        var scratch = _scratch ??= new CqlBufferWriter(1024);
        scratch.Reset();
        try
        {
            request.WriteFrame(scratch, ProtocolVersion);
            var slot = RentSlot(timeout, cancellationToken);
            LastSendTicks = Environment.TickCount64;
            FrameHeader.WriteStreamId(scratch.SpanAt(0, FrameHeader.Size), slot.StreamId);
            WriteFrame(scratch.WrittenSpan, mayDefer: io == IOBehavior.Asynchronous && _settings.DeferFlush && Thread.CurrentThread.IsThreadPoolThread);
            return io == IOBehavior.Synchronous ? new ValueTask<ResponseFrame>(slot.Wait()) : slot.AsValueTask();
        }
        finally
        {
            if (scratch.GetSpan().Length > 1024 * 1024)
            {
                // Do not keep a huge buffer alive on this thread after one large request.
                scratch.Dispose();
                _scratch = null;
            }
        }
    }

    /// <summary>
    /// Takes a free stream id and arms its slot. Both happen under the lock the reader takes for its final pass, so
    /// a slot is either armed before that pass (and failed by it) or refused because the reader has stopped.
    /// </summary>
    private RequestSlot RentSlot(TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_streamIdLock)
        {
            if (_readerStopped)
            {
                ThrowIfClosed();
            }

            if (!_freeStreamIds.TryPop(out var id))
            {
                throw new StreamIdsExhaustedException(
                    $"All {_slots.Length} stream ids of the connection to {EndPoint} are in use. Lower the number of concurrent requests or raise 'Max Requests Per Connection'.");
            }

            var slot = _slots[id] ??= new RequestSlot(this, id);
            Interlocked.Increment(ref _inFlight);
            slot.Arm(timeout, cancellationToken);
            return slot;
        }
    }

    internal void ReturnStreamId(short id)
    {
        lock (_streamIdLock)
        {
            // Counted out only with the id back on the free list (as RentSlot counts in under this lock): a pool that
            // sees InFlight below the maximum then finds an id, instead of being refused and spinning.
            _freeStreamIds.Push(id);
            Interlocked.Decrement(ref _inFlight);
        }

        StreamIdReleased?.Invoke(this);
    }

    /// <summary>Completes (with a timeout) every request whose deadline passed; called by the sweeper thread.</summary>
    internal void CompleteTimedOutRequests(long now)
    {
        var timedOut = false;
        foreach (var slot in _slots)
        {
            if (slot is null)
            {
                continue;
            }

            // Read the generation first: if the slot moves on to another request after this check, the timeout is ignored.
            var generation = slot.Generation;
            if (slot.IsPending && slot.Deadline != 0 && slot.Deadline <= now)
            {
                slot.OnTimedOut(generation);
                timedOut = true;
            }
        }

        // A node that vanished without closing the socket (power loss, partition) sends nothing at all: once requests time
        // out and not a byte arrived for a whole request timeout, the connection is closed and replaced, instead of
        // collecting orphaned stream ids forever (heartbeats only run on idle connections).
        var silence = now - LastReceiveTicks;
        if (timedOut && _settings.RequestTimeout != Timeout.InfiniteTimeSpan && silence > Math.Max(2000, (long)_settings.RequestTimeout.TotalMilliseconds))
        {
            Close(new CqlConnectionException($"The node {EndPoint} sent nothing for {silence} ms while requests timed out; the connection is closed and replaced.", EndPoint));
        }
    }

    private void ThrowIfClosed()
    {
        if (_closeReason is { } reason)
        {
            throw new CqlConnectionException($"The connection to {EndPoint} is closed: {reason.Message}", EndPoint, reason) { RequestNotSent = true };
        }
    }

    /// <summary>
    /// Closes the socket; the reader then fails every request still waiting with <paramref name="reason"/>.
    /// </summary>
    public void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        RequestTimeoutSweeper.Unregister(this);
        try
        {
            _socket?.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stream?.Dispose();
        _socket?.Dispose();
        Closed?.Invoke(this, reason);
    }

    public void Dispose() => Close(new ObjectDisposedException(nameof(CqlPhysicalConnection), "The connection was closed by the client."));
}
