using CqlConnector.Connections.Compression;
using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Connections;

/// <summary>
/// The write side: frames are appended to a pending buffer and flushed by whichever caller finds no flush under way.
/// On v3/v4 with compression, a body above <see cref="FrameCompressor.Threshold"/> is compressed before it is queued;
/// on v5 after the handshake, the flusher wraps each batch of frames into checksummed segments.
/// </summary>
internal sealed partial class CqlPhysicalConnection
{
    [ThreadStatic]
    private static CqlBufferWriter? _compressScratch;

    private readonly object _writeLock = new();
    private CqlBufferWriter _pending = new(16 * 1024);
    private CqlBufferWriter _flushing = new(16 * 1024);

    /// <summary>The segments of one flush; only the (single) flushing caller touches it.</summary>
    private CqlBufferWriter? _segments;
    private bool _flushInProgress;

    /// <summary>A flush is queued on the thread pool (see <see cref="WriteFrame"/>) and has not started yet.</summary>
    private bool _flushScheduled;
    private DeferredFlush? _deferredFlush;

    /// <summary>Compresses v3/v4 request bodies; set once STARTUP has been answered (STARTUP itself is never compressed).</summary>
    private FrameCompressor? _bodyCompressor;

    /// <summary>Whether frames go out inside v5 segments; set by the reader when the handshake's answer arrives.</summary>
    private volatile bool _segmentFraming;

    /// <summary>
    /// Queues an encoded frame and, unless another caller is already flushing, writes everything queued. Frames queued
    /// while a write is under way are sent together by the flushing caller in its next write, so under load many
    /// requests share one syscall and no thread is dedicated to writing. A failed write closes the connection; the
    /// requests whose frames were lost are then failed by the reader, so this method never throws for I/O. The send is
    /// blocking but bounded: a peer that accepts no byte for <see cref="ConnectionSettings.SendStallTimeout"/> fails it
    /// (the socket's send timeout), so a caller, possibly on a thread-pool thread, is never held for TCP's minutes.
    /// <para>
    /// With <paramref name="mayDefer"/> (an asynchronous caller on a thread-pool thread) and other work queued on the
    /// pool, the flush is queued behind that work instead of made now: the queued items are mostly the continuations
    /// of responses from the same read, each about to send its next request, so they all share the one write (as an
    /// event loop flushes once per turn). A loopback or LAN send costs several microseconds of kernel time, far more
    /// than a work item. Synchronous callers and callers off the pool always flush themselves, also when a deferred
    /// flush is pending, so they never wait on a pool thread.
    /// </para>
    /// </summary>
    private void WriteFrame(ReadOnlySpan<byte> frame, bool mayDefer)
    {
        if (_bodyCompressor is { } compressor && frame.Length - FrameHeader.Size >= FrameCompressor.Threshold)
        {
            frame = Compress(frame, compressor);
        }

        bool defer;
        lock (_writeLock)
        {
            _pending.WriteRaw(frame);
            if (_flushInProgress || (mayDefer && _flushScheduled))
            {
                return;
            }

            defer = mayDefer && ThreadPool.PendingWorkItemCount > 0;
            _flushScheduled |= defer;
            _flushInProgress = !defer;
        }

        if (defer)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_deferredFlush ??= new DeferredFlush(this), preferLocal: false);
            return;
        }

        Flush();
    }

    /// <summary>Whether a deferred flush is queued and not yet run (for tests).</summary>
    internal bool FlushScheduled
    {
        get
        {
            lock (_writeLock)
            {
                return _flushScheduled;
            }
        }
    }

    /// <summary>Whether frames are queued and not yet handed to a write (for tests).</summary>
    internal bool HasUnsentFrames
    {
        get
        {
            lock (_writeLock)
            {
                return _pending.Position > 0;
            }
        }
    }

    /// <summary>Runs a deferred flush unless a caller has taken over meanwhile (it then sends everything queued).</summary>
    private void RunDeferredFlush()
    {
        lock (_writeLock)
        {
            _flushScheduled = false;
            if (_flushInProgress)
            {
                return;
            }

            _flushInProgress = true;
        }

        Flush();
    }

    /// <summary>Writes queued frames until none is left; only the caller that set <see cref="_flushInProgress"/> runs it.</summary>
    private void Flush()
    {
        try
        {
            while (true)
            {
                CqlBufferWriter batch;
                lock (_writeLock)
                {
                    if (_pending.Position == 0)
                    {
                        _flushInProgress = false;
                        return;
                    }

                    batch = _pending;
                    _pending = _flushing;
                    _flushing = batch;
                }

                if (_segmentFraming)
                {
                    var segments = _segments ??= new CqlBufferWriter(16 * 1024);
                    segments.Reset();
                    SegmentEncoder.WriteEnvelopes(segments, batch.WrittenSpan, _segmentCompression);
                    _stream!.Write(segments.WrittenSpan);
                }
                else
                {
                    _stream!.Write(batch.WrittenSpan);
                }

                batch.Reset();
            }
        }
        catch (Exception ex)
        {
            List<short> unsent;
            lock (_writeLock)
            {
                _flushInProgress = false;
                unsent = StreamIdsOf(_pending.WrittenSpan);
                _pending.Reset();
            }

            var message = IsSendTimeout(ex)
                ? $"Sending to {EndPoint} made no progress for {_settings.SendStallTimeout.TotalSeconds:0.#} s (the connect timeout): the node stopped reading "
                  + "(frozen, overloaded, or unreachable without a reset). The connection is closed and replaced; its requests fail."
                : $"Writing to {EndPoint} failed: {ex.Message}";
            FailUnsent(unsent, new CqlConnectionException(message + " This request was never sent.", EndPoint, ex) { RequestNotSent = true });
            Close(new CqlConnectionException(message, EndPoint, ex));
        }
    }

    /// <summary>The stream ids of the whole frames in <paramref name="frames"/> (queued, never handed to the socket).</summary>
    private static List<short> StreamIdsOf(ReadOnlySpan<byte> frames)
    {
        var ids = new List<short>();
        while (frames.Length >= FrameHeader.Size)
        {
            var header = FrameHeader.Read(frames);
            ids.Add(header.StreamId);
            frames = frames[Math.Min(frames.Length, FrameHeader.Size + header.BodyLength)..];
        }

        return ids;
    }

    /// <summary>
    /// Fails the requests whose frames were still queued behind a failed write: the node never saw them, so the request
    /// handler may send them to another node whatever their idempotence. Done before the reader fails the rest (it
    /// marks itself stopped under the same lock first), so each request is completed once.
    /// </summary>
    private void FailUnsent(List<short> streamIds, CqlConnectionException notSent)
    {
        lock (_streamIdLock)
        {
            if (_readerStopped)
            {
                return;
            }

            foreach (var id in streamIds)
            {
                if (id >= 0 && id < _slots.Length && _slots[id] is { AwaitingResponse: true } slot)
                {
                    slot.OnConnectionClosed(notSent);
                }
            }
        }
    }

    /// <summary>Whether a write failed because the socket's send timeout expired (the peer accepted no byte for that long).</summary>
    private static bool IsSendTimeout(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.TimedOut or System.Net.Sockets.SocketError.WouldBlock })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Compresses the body of an encoded frame into a per-thread buffer and returns the compressed frame, or the frame
    /// itself when compression would not make it smaller (the flag is per frame, so either is valid, §5).
    /// </summary>
    private static ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> frame, FrameCompressor compressor)
    {
        var body = frame[FrameHeader.Size..];
        var scratch = _compressScratch ??= new CqlBufferWriter(4096);
        if (scratch.GetSpan().Length > 1024 * 1024 && body.Length < 64 * 1024)
        {
            // Do not keep a huge buffer alive on this thread after one large request.
            scratch.Dispose();
            scratch = _compressScratch = new CqlBufferWriter(4096);
        }

        scratch.Reset();
        var headerOffset = scratch.Reserve(FrameHeader.Size);
        var length = compressor.Compress(body, scratch.GetSpan(compressor.MaxCompressedLength(body.Length)));
        if (length >= body.Length)
        {
            return frame;
        }

        scratch.Advance(length);
        var header = FrameHeader.Read(frame);
        (header with { Flags = header.Flags | FrameFlags.Compression, BodyLength = length }).Write(scratch.SpanAt(headerOffset, FrameHeader.Size));
        return scratch.WrittenSpan;
    }

    private sealed class DeferredFlush(CqlPhysicalConnection connection) : IThreadPoolWorkItem
    {
        public void Execute() => connection.RunDeferredFlush();
    }
}
