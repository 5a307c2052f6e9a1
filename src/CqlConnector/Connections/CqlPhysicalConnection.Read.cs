using System.Buffers;
using CqlConnector.Connections.Compression;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Connections;

/// <summary>
/// The read side: one dedicated thread per connection doing blocking reads. It needs no thread-pool thread to make
/// progress (so synchronous callers cannot starve it), parses every complete frame in each read, copies each body
/// into a pooled buffer and hands it to the waiting request, whose continuation runs asynchronously elsewhere.
/// On protocol v5 the frames (envelopes) arrive inside checksummed segments once the STARTUP exchange is over; on
/// v3/v4 a frame body may be compressed, and is then decompressed into the pooled buffer.
/// </summary>
internal sealed partial class CqlPhysicalConnection
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Decompresses v3/v4 frame bodies flagged as compressed; set before STARTUP is sent.</summary>
    private FrameCompressor? _bodyDecompressor;

    /// <summary>Set by the reader when a v5 connection leaves the unframed handshake; from then on it reads segments.</summary>
    private SegmentDecoder? _segmentDecoder;

    /// <summary>Whether v5 segments carry LZ4 payloads (negotiated in STARTUP).</summary>
    private bool _segmentCompression;

    /// <summary>Receives events (stream id -1) when the connection is REGISTERed for them.</summary>
    public Action<ResponseFrame>? EventReceived { get; set; }

    /// <summary>Starts the connection's thread: it connects, signals <paramref name="connected"/>, then reads until the connection closes.</summary>
    private void StartReader(TaskCompletionSource connected)
    {
        var thread = new Thread(() =>
        {
            try
            {
                Connect(_socket!);
            }
            catch (Exception ex)
            {
                connected.TrySetException(ex);
                return;
            }

            connected.TrySetResult();
            ReadLoop();
        })
        {
            IsBackground = true,
            Name = $"CqlConnector reader {EndPoint}",
        };
        thread.Start();
    }

    private void ReadLoop()
    {
        Exception closeReason;
        var buffer = new byte[ReadBufferSize];
        var start = 0;
        var end = 0;
        EnvelopeHandler onEnvelope = DeliverEnvelope;
        try
        {
            while (true)
            {
                var read = _stream!.Read(buffer, end, buffer.Length - end);
                LastReceiveTicks = Environment.TickCount64;
                if (read == 0)
                {
                    throw new CqlConnectionException($"The node {EndPoint} closed the connection.", EndPoint);
                }

                end += read;
                while (start < end)
                {
                    var consumed = _segmentDecoder is { } decoder
                        ? decoder.TryDecode(buffer.AsSpan(start, end - start), onEnvelope)
                        : TryReadFrame(buffer, start, end);
                    if (consumed == 0)
                    {
                        break;
                    }

                    start += consumed;
                }

                if (start == end)
                {
                    start = end = 0;
                }

                if (_segmentDecoder is not null)
                {
                    // A segment is at most ~128 KiB: keep room for a whole one after its first byte.
                    if (buffer.Length < 2 * SegmentDecoder.MaxSegmentSize)
                    {
                        var larger = new byte[2 * SegmentDecoder.MaxSegmentSize];
                        buffer.AsSpan(start, end - start).CopyTo(larger);
                        buffer = larger;
                        end -= start;
                        start = 0;
                    }
                    else if (buffer.Length - start < SegmentDecoder.MaxSegmentSize)
                    {
                        Compact(buffer, ref start, ref end);
                    }
                }
                else if (start > 0 && buffer.Length - end < FrameHeader.Size + 1024)
                {
                    Compact(buffer, ref start, ref end);
                }
            }
        }
        catch (Exception ex)
        {
            closeReason = _closeReason ?? ex switch
            {
                CqlException => ex,
                _ => new CqlConnectionException($"The connection to {EndPoint} broke: {ex.Message}", EndPoint, ex),
            };
        }

        try
        {
            _segmentDecoder?.Dispose();
            Close(closeReason);
        }
        catch (Exception)
        {
            // A Closed handler (a pool, a logger) must not take the thread, and so the process, down with it.
        }
        finally
        {
            FailOutstandingRequests(closeReason is CqlException ? closeReason
                : new CqlConnectionException($"The connection to {EndPoint} is closed: {closeReason.Message}", EndPoint, closeReason));
        }
    }

    private static void Compact(byte[] buffer, ref int start, ref int end)
    {
        buffer.AsSpan(start, end - start).CopyTo(buffer);
        end -= start;
        start = 0;
    }

    /// <summary>
    /// Reads one unframed (v3/v4, or v5 during the handshake) frame at <paramref name="start"/> if it is complete and
    /// returns its size; 0 when more bytes are needed. A frame larger than the buffer is read straight into its own
    /// buffer; the bytes it consumed are then all of the buffer's.
    /// </summary>
    private int TryReadFrame(byte[] buffer, int start, int end)
    {
        if (end - start < FrameHeader.Size)
        {
            return 0;
        }

        var header = FrameHeader.Read(buffer.AsSpan(start));
        ValidateHeader(header);
        var total = FrameHeader.Size + header.BodyLength;
        if (end - start >= total)
        {
            var body = buffer.AsSpan(start + FrameHeader.Size, header.BodyLength);
            var copy = FrameBuffers.Rent(body.Length);
            body.CopyTo(copy);
            DeliverUnframed(header, copy);
            return total;
        }

        if (total <= buffer.Length)
        {
            return 0;
        }

        // A frame larger than the read buffer: read the rest of its body straight into its own buffer.
        var large = FrameBuffers.Rent(header.BodyLength);
        var have = end - start - FrameHeader.Size;
        buffer.AsSpan(start + FrameHeader.Size, have).CopyTo(large);
        while (have < header.BodyLength)
        {
            var n = _stream!.Read(large, have, header.BodyLength - have);
            if (n == 0)
            {
                FrameBuffers.Return(large);
                throw new CqlConnectionException($"The node {EndPoint} closed the connection in the middle of a frame.", EndPoint);
            }

            have += n;
        }

        DeliverUnframed(header, large);
        return end - start;
    }

    /// <summary>Decompresses the body if flagged, switches a v5 connection to segments after STARTUP's answer, delivers.</summary>
    private void DeliverUnframed(FrameHeader header, byte[] body)
    {
        var length = header.BodyLength;
        if ((header.Flags & FrameFlags.Compression) != 0)
        {
            try
            {
                var decompressed = _bodyDecompressor!.Decompress(body.AsSpan(0, length), out length);
                FrameBuffers.Return(body);
                body = decompressed;
            }
            catch
            {
                FrameBuffers.Return(body);
                throw;
            }

            header = header with { Flags = header.Flags & ~FrameFlags.Compression, BodyLength = length };
        }

        if (ProtocolVersion >= ProtocolVersion.V5 && header.Opcode is Opcode.Ready or Opcode.Authenticate)
        {
            // §2.3.1: the server frames everything after its READY or AUTHENTICATE; so does the client from now on.
            // Switched here, before the waiter resumes, so that the next request is already framed.
            _segmentDecoder = new SegmentDecoder(_segmentCompression, $"the node {EndPoint}");
            _segmentFraming = true;
        }

        Deliver(new ResponseFrame(header, body, length));
    }

    /// <summary>Delivers an envelope decoded from v5 segments (their Compression flag is deprecated and ignored).</summary>
    private void DeliverEnvelope(FrameHeader header, byte[] body, int length)
    {
        if (!header.IsResponse)
        {
            FrameBuffers.Return(body);
            throw new CqlProtocolViolationException($"The node {EndPoint} sent an envelope without the response bit (version byte 0x{header.Version:X2}).");
        }

        Deliver(new ResponseFrame(header, body, length));
    }

    private void ValidateHeader(FrameHeader header)
    {
        if (!header.IsResponse)
        {
            throw new CqlProtocolViolationException($"The node {EndPoint} sent a frame without the response bit (version byte 0x{header.Version:X2}).");
        }

        if ((uint)header.BodyLength > FrameHeader.MaxBodyLength)
        {
            throw new CqlProtocolViolationException($"The node {EndPoint} announced a frame body of {header.BodyLength} bytes, beyond the protocol's 256 MB limit.");
        }

        if ((header.Flags & FrameFlags.Compression) != 0 && _bodyDecompressor is null)
        {
            throw new CqlProtocolViolationException($"The node {EndPoint} sent a compressed frame although no compression was negotiated.");
        }
    }

    private void Deliver(ResponseFrame frame)
    {
        var streamId = frame.Header.StreamId;
        if (streamId < 0)
        {
            if (frame.Opcode == Opcode.Event && EventReceived is { } handler)
            {
                handler(frame);
            }
            else
            {
                frame.Dispose();
            }

            return;
        }

        var slot = streamId < _slots.Length ? _slots[streamId] : null;
        if (slot is null || !slot.AwaitingResponse)
        {
            frame.Dispose();
            throw new CqlProtocolViolationException($"The node {EndPoint} answered on stream id {streamId}, which has no request in flight.");
        }

        slot.OnResponse(frame);
    }

    private void FailOutstandingRequests(Exception reason)
    {
        lock (_streamIdLock)
        {
            _readerStopped = true;
        }

        foreach (var slot in _slots)
        {
            if (slot is not null && slot.AwaitingResponse)
            {
                slot.OnConnectionClosed(reason);
            }
        }
    }
}
