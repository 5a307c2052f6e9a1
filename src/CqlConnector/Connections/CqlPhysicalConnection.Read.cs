using System.Buffers;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Connections;

/// <summary>
/// The read side: one dedicated thread per connection doing blocking reads. It needs no thread-pool thread to make
/// progress (so synchronous callers cannot starve it), parses every complete frame in each read, copies each body
/// into a pooled buffer and hands it to the waiting request, whose continuation runs asynchronously elsewhere.
/// </summary>
internal sealed partial class CqlPhysicalConnection
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Receives events (stream id -1) when the connection is REGISTERed for them.</summary>
    public Action<ResponseFrame>? EventReceived { get; set; }

    private void StartReader()
    {
        var thread = new Thread(ReadLoop)
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
        try
        {
            while (true)
            {
                var read = _stream!.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    throw new CqlConnectionException($"The node {EndPoint} closed the connection.", EndPoint);
                }

                end += read;
                while (end - start >= FrameHeader.Size)
                {
                    var header = FrameHeader.Read(buffer.AsSpan(start));
                    ValidateHeader(header);
                    var total = FrameHeader.Size + header.BodyLength;
                    if (end - start >= total)
                    {
                        Dispatch(header, buffer.AsSpan(start + FrameHeader.Size, header.BodyLength));
                        start += total;
                    }
                    else if (total > buffer.Length)
                    {
                        // A frame larger than the read buffer: read the rest of its body straight into its own buffer.
                        var body = ArrayPool<byte>.Shared.Rent(Math.Max(header.BodyLength, 1));
                        var have = end - start - FrameHeader.Size;
                        buffer.AsSpan(start + FrameHeader.Size, have).CopyTo(body);
                        while (have < header.BodyLength)
                        {
                            var n = _stream.Read(body, have, header.BodyLength - have);
                            if (n == 0)
                            {
                                ArrayPool<byte>.Shared.Return(body);
                                throw new CqlConnectionException($"The node {EndPoint} closed the connection in the middle of a frame.", EndPoint);
                            }

                            have += n;
                        }

                        start = end = 0;
                        Deliver(new ResponseFrame(header, body, header.BodyLength));
                    }
                    else
                    {
                        break;
                    }
                }

                if (start == end)
                {
                    start = end = 0;
                }
                else if (start > 0 && buffer.Length - end < FrameHeader.Size + 1024)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
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

        Close(closeReason);
        FailOutstandingRequests(closeReason is CqlException ? closeReason
            : new CqlConnectionException($"The connection to {EndPoint} is closed: {closeReason.Message}", EndPoint, closeReason));
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

        if ((header.Flags & FrameFlags.Compression) != 0)
        {
            throw new CqlProtocolViolationException($"The node {EndPoint} sent a compressed frame although no compression was negotiated.");
        }
    }

    private void Dispatch(FrameHeader header, ReadOnlySpan<byte> body)
    {
        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        body.CopyTo(copy);
        Deliver(new ResponseFrame(header, copy, body.Length));
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
