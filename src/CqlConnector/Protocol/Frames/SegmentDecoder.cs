using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace CqlConnector.Protocol.Frames;

/// <summary>Receives one whole envelope decoded from segments; the receiver owns <paramref name="body"/> (from the array pool).</summary>
internal delegate void EnvelopeHandler(FrameHeader header, byte[] body, int length);

/// <summary>
/// Turns a stream of v5 segments back into envelopes (native_protocol_v5.spec §2): checks each header's CRC24 and each
/// payload's CRC32, decompresses LZ4 payloads, splits self-contained payloads into their envelopes and reassembles an
/// envelope spread over non-self-contained segments. Any inconsistency raises <see cref="CqlProtocolViolationException"/>:
/// the stream cannot be resynchronised, so the connection must close.
/// </summary>
internal sealed class SegmentDecoder : IDisposable
{
    private readonly bool _compressed;
    private readonly string _peer;
    private byte[]? _decompressed;
    private FrameHeader _largeHeader;
    private byte[]? _largeBody;
    private int _largeHave = -1;
    private byte[]? _largeHeaderBytes;

    /// <param name="compressed">Whether the connection negotiated LZ4 (segments then use the 8-byte header).</param>
    /// <param name="peer">Who sends the segments, for error messages (e.g. "the node 10.0.0.1:9042").</param>
    public SegmentDecoder(bool compressed, string peer)
    {
        _compressed = compressed;
        _peer = peer;
    }

    /// <summary>The most bytes one segment takes on the wire; a read buffer at least this large always makes progress.</summary>
    public static int MaxSegmentSize => SegmentHeader.CompressedHeaderSize + SegmentHeader.MaxPayloadLength + SegmentHeader.TrailerSize;

    /// <summary>
    /// Decodes the segment at the start of <paramref name="input"/> if it is complete, passing every envelope it
    /// completes to <paramref name="handler"/>; returns the bytes consumed, or 0 when more bytes are needed.
    /// </summary>
    public int TryDecode(ReadOnlySpan<byte> input, EnvelopeHandler handler)
    {
        var headerSize = SegmentHeader.HeaderSize(_compressed);
        if (input.Length < headerSize)
        {
            return 0;
        }

        SegmentHeader header;
        try
        {
            header = SegmentHeader.Read(input, _compressed);
        }
        catch (CqlProtocolViolationException ex)
        {
            throw Violation(ex.Message);
        }

        var total = headerSize + header.PayloadLength + SegmentHeader.TrailerSize;
        if (input.Length < total)
        {
            return 0;
        }

        var payload = input.Slice(headerSize, header.PayloadLength);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(input[(headerSize + header.PayloadLength)..]);
        var actual = Crc32.Compute(payload);
        if (expected != actual)
        {
            throw Violation($"A v5 segment payload of {header.PayloadLength} bytes failed its CRC32 check (received 0x{expected:X8}, computed 0x{actual:X8}): the bytes were corrupted in transit.");
        }

        if (_compressed && header.UncompressedLength > 0)
        {
            _decompressed ??= new byte[SegmentHeader.MaxPayloadLength];
            var length = LZ4Codec.Decode(payload, _decompressed.AsSpan(0, header.UncompressedLength));
            if (length != header.UncompressedLength)
            {
                throw Violation($"A v5 segment's LZ4 payload did not decompress to the {header.UncompressedLength} bytes its header announces.");
            }

            payload = _decompressed.AsSpan(0, length);
        }

        if (header.IsSelfContained)
        {
            ReadWholeEnvelopes(payload, handler);
        }
        else
        {
            AppendPart(payload, handler);
        }

        return total;
    }

    private void ReadWholeEnvelopes(ReadOnlySpan<byte> payload, EnvelopeHandler handler)
    {
        if (_largeHave >= 0)
        {
            throw Violation("A self-contained v5 segment arrived while an envelope split over several segments was still incomplete.");
        }

        while (!payload.IsEmpty)
        {
            if (payload.Length < FrameHeader.Size)
            {
                throw Violation($"A self-contained v5 segment ends with {payload.Length} bytes, too few for an envelope header.");
            }

            var envelope = FrameHeader.Read(payload);
            if ((uint)envelope.BodyLength > (uint)(payload.Length - FrameHeader.Size))
            {
                throw Violation($"An envelope announces a body of {envelope.BodyLength} bytes but its self-contained segment holds only {payload.Length - FrameHeader.Size} more.");
            }

            var body = FrameBuffers.Rent(envelope.BodyLength);
            payload.Slice(FrameHeader.Size, envelope.BodyLength).CopyTo(body);
            handler(envelope, body, envelope.BodyLength);
            payload = payload[(FrameHeader.Size + envelope.BodyLength)..];
        }
    }

    private void AppendPart(ReadOnlySpan<byte> part, EnvelopeHandler handler)
    {
        if (_largeHave < 0)
        {
            // The first part starts with the envelope header; it is at least 9 bytes unless the peer split it oddly.
            _largeHeaderBytes ??= new byte[FrameHeader.Size];
            if (part.Length < FrameHeader.Size)
            {
                throw Violation($"The first segment of a split envelope holds {part.Length} bytes, fewer than an envelope header.");
            }

            _largeHeader = FrameHeader.Read(part);
            if ((uint)_largeHeader.BodyLength > FrameHeader.MaxBodyLength)
            {
                throw Violation($"A split envelope announces a body of {_largeHeader.BodyLength} bytes, beyond the protocol's 256 MB limit.");
            }

            _largeBody = FrameBuffers.Rent(_largeHeader.BodyLength);
            _largeHave = 0;
            part = part[FrameHeader.Size..];
        }

        if (part.Length > _largeHeader.BodyLength - _largeHave)
        {
            throw Violation($"A segment carries more bytes than the split envelope it continues announced ({_largeHeader.BodyLength}).");
        }

        part.CopyTo(_largeBody.AsSpan(_largeHave));
        _largeHave += part.Length;
        if (_largeHave == _largeHeader.BodyLength)
        {
            var body = _largeBody!;
            _largeBody = null;
            _largeHave = -1;
            handler(_largeHeader, body, _largeHeader.BodyLength);
        }
    }

    private CqlProtocolViolationException Violation(string message) => new($"{message} (from {_peer})");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _largeBody, null) is { } body)
        {
            FrameBuffers.Return(body);
        }
    }
}
