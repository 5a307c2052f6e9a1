using System.Threading.Tasks.Sources;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Connections;

/// <summary>
/// The state of one stream id: the completion source its request waits on, reused for every request on that id.
/// <para>
/// Two parties own a slot while a request is in flight: the reader (until the response for the id arrives or the
/// connection closes) and the waiter (until it has taken the result). The id returns to the free list only when
/// both are done, so a request that timed out or was cancelled never lets its id be reused before the late
/// response arrives — that response can therefore never be mistaken for another request's.
/// </para>
/// </summary>
internal sealed class RequestSlot : IValueTaskSource<ResponseFrame>
{
    private const int Idle = 0;
    private const int Pending = 1;
    private const int Completed = 2;

    private readonly CqlPhysicalConnection _connection;
    private ManualResetValueTaskSourceCore<ResponseFrame> _core;
    private int _state;
    private int _owners;
    private bool _syncWaiter;
    private CancellationTokenRegistration _cancellation;
    private CancellationToken _cancellationToken;

    public RequestSlot(CqlPhysicalConnection connection, short streamId)
    {
        _connection = connection;
        StreamId = streamId;
        _core.RunContinuationsAsynchronously = true;
    }

    public short StreamId { get; }

    /// <summary>When the request times out, in <see cref="Environment.TickCount64"/> milliseconds; 0 when done.</summary>
    public long Deadline { get; private set; }

    /// <summary>The timeout the request was given, for the timeout message.</summary>
    public TimeSpan Timeout { get; private set; }

    public bool IsPending => Volatile.Read(ref _state) == Pending;

    /// <summary>Whether the reader still owes this slot a response (it was sent and nothing has answered yet).</summary>
    public bool AwaitingResponse { get; private set; }

    /// <summary>
    /// Counts the requests this slot has carried. A timeout or cancellation names the request it is for, so one that
    /// fires late (after its request completed and the id was reused) can never complete the next request.
    /// </summary>
    public int Generation { get; private set; }

    public void Arm(TimeSpan timeout, CancellationToken cancellationToken)
    {
        int generation;
        lock (this)
        {
            _core.Reset();
            _syncWaiter = false;
            Timeout = timeout;
            Deadline = timeout == System.Threading.Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            _owners = 2;
            AwaitingResponse = true;
            generation = ++Generation;
            _cancellationToken = cancellationToken;
            _state = Pending;
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(
                static s =>
                {
                    var (slot, generation) = ((RequestSlot, int))s!;
                    slot.OnCancelled(generation);
                },
                (this, generation));
            lock (this)
            {
                if (Generation == generation && _state == Pending)
                {
                    _cancellation = registration;
                    registration = default;
                }
            }

            // Already completed (or cancelled synchronously while registering): nothing to keep.
            registration.Unregister();
        }
    }

    public ValueTask<ResponseFrame> AsValueTask() => new(this, _core.Version);

    /// <summary>Blocks the calling thread until the slot completes; the deadline is enforced here, not by a timer.</summary>
    public ResponseFrame Wait()
    {
        lock (this)
        {
            _syncWaiter = true;
            while (Volatile.Read(ref _state) == Pending)
            {
                if (Deadline == long.MaxValue)
                {
                    // No timeout ('Command Timeout=0'): wait for the answer, the connection closing, or cancellation.
                    Monitor.Wait(this);
                    continue;
                }

                var remaining = Deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    break;
                }

                Monitor.Wait(this, (int)Math.Min(remaining, int.MaxValue));
            }
        }

        if (Volatile.Read(ref _state) == Pending)
        {
            OnTimedOut();
        }

        return GetResult(_core.Version);
    }

    /// <summary>Called by the reader with the response for this id.</summary>
    public void OnResponse(ResponseFrame frame)
    {
        AwaitingResponse = false;
        if (!TryComplete(frame, null))
        {
            // The waiter already gave up (timeout, cancellation): this is the late response; drop it.
            frame.Dispose();
        }

        ReleaseOwner();
    }

    /// <summary>Called by the reader when the connection closes before the response arrived.</summary>
    public void OnConnectionClosed(Exception error)
    {
        AwaitingResponse = false;
        TryComplete(null, error);
        ReleaseOwner();
    }

    /// <summary>
    /// Called by a synchronous waiter when its deadline passed, or by the sweeper with the <paramref name="generation"/>
    /// it saw expire (ignored when the slot has moved on to another request meanwhile).
    /// </summary>
    public void OnTimedOut(int generation = AnyGeneration)
    {
        var ms = (long)Timeout.TotalMilliseconds;
        TryComplete(null, new CqlTimeoutException(
            $"The server {_connection.EndPoint} did not answer within the request timeout of {ms} ms. The request may still have been applied; raise 'Command Timeout' if the work is expected to take longer.",
            Timeout), generation);
    }

    private const int AnyGeneration = -1;

    private void OnCancelled(int generation) => TryComplete(null, new OperationCanceledException("The request was cancelled.", _cancellationToken), generation);

    private bool TryComplete(ResponseFrame? frame, Exception? error, int generation = AnyGeneration)
    {
        CancellationTokenRegistration registration;
        lock (this)
        {
            if (_state != Pending || (generation != AnyGeneration && generation != Generation))
            {
                return false;
            }

            _state = Completed;
            Deadline = 0;
            if (error is null)
            {
                _core.SetResult(frame!);
            }
            else
            {
                _core.SetException(error);
            }

            if (_syncWaiter)
            {
                Monitor.PulseAll(this);
            }

            registration = _cancellation;
            _cancellation = default;
        }

        // Unregister without waiting: this may run inside the cancellation callback itself.
        registration.Unregister();
        return true;
    }

    private void ReleaseOwner()
    {
        if (Interlocked.Decrement(ref _owners) == 0)
        {
            _cancellationToken = default;
            Volatile.Write(ref _state, Idle);
            _connection.ReturnStreamId(StreamId);
        }
    }

    public ResponseFrame GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            ReleaseOwner();
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
