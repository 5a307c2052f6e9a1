using System.Buffers.Binary;

namespace CqlConnector.Protocol.Frames;

/// <summary>
/// The header of a v5 segment (native_protocol_v5.spec §2.1, §2.2), little-endian unlike the rest of the protocol.
/// Uncompressed: 17 bits of payload length and the self-contained flag (bit 17) in 3 bytes, then their CRC24 in 3 bytes.
/// LZ4: 17 bits of compressed length, 17 bits of uncompressed length (0 when the payload was sent as is) and the
/// self-contained flag (bit 34) in 5 bytes, then their CRC24 in 3 bytes.
/// </summary>
/// <param name="PayloadLength">The bytes of payload on the wire (compressed, when compressed).</param>
/// <param name="UncompressedLength">On LZ4 connections, the payload's length after decompression; 0 when it was not compressed.</param>
/// <param name="IsSelfContained">Whether the payload holds whole envelopes (else one part of one large envelope).</param>
internal readonly record struct SegmentHeader(int PayloadLength, int UncompressedLength, bool IsSelfContained)
{
    /// <summary>The largest payload of one segment: 128 KiB − 1.</summary>
    public const int MaxPayloadLength = (1 << 17) - 1;

    public const int UncompressedHeaderSize = 6;
    public const int CompressedHeaderSize = 8;

    /// <summary>The CRC32 after the payload.</summary>
    public const int TrailerSize = 4;

    public static int HeaderSize(bool compressed) => compressed ? CompressedHeaderSize : UncompressedHeaderSize;

    public void Write(Span<byte> destination, bool compressed)
    {
        if ((uint)PayloadLength > MaxPayloadLength || (uint)UncompressedLength > MaxPayloadLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), $"A v5 segment carries at most {MaxPayloadLength} bytes of payload.");
        }

        ulong value;
        int length;
        if (compressed)
        {
            value = (uint)PayloadLength | ((ulong)(uint)UncompressedLength << 17) | (IsSelfContained ? 1UL << 34 : 0);
            length = 5;
        }
        else
        {
            value = (uint)PayloadLength | (IsSelfContained ? 1UL << 17 : 0);
            length = 3;
        }

        var crc = Crc24.Compute(value, length);
        for (var i = 0; i < length; i++)
        {
            destination[i] = (byte)(value >> (8 * i));
        }

        destination[length] = (byte)crc;
        destination[length + 1] = (byte)(crc >> 8);
        destination[length + 2] = (byte)(crc >> 16);
    }

    /// <summary>Reads a header and checks its CRC24; a mismatch means the stream can no longer be trusted.</summary>
    public static SegmentHeader Read(ReadOnlySpan<byte> source, bool compressed)
    {
        var length = compressed ? 5 : 3;
        ulong value = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | source[i];
        }

        var expected = source[length] | (source[length + 1] << 8) | (source[length + 2] << 16);
        var actual = Crc24.Compute(value, length);
        if (expected != actual)
        {
            throw new CqlProtocolViolationException(
                $"A v5 segment header failed its CRC24 check (received 0x{expected:X6}, computed 0x{actual:X6}): the bytes were corrupted in transit, or the peer is not framing as negotiated{(compressed ? " (LZ4)" : string.Empty)}.");
        }

        return compressed
            ? new SegmentHeader((int)(value & MaxPayloadLength), (int)((value >> 17) & MaxPayloadLength), (value & (1UL << 34)) != 0)
            : new SegmentHeader((int)(value & MaxPayloadLength), 0, (value & (1UL << 17)) != 0);
    }

    /// <summary>Writes the CRC32 trailer of <paramref name="payload"/> (as sent, i.e. compressed when compressed).</summary>
    public static void WriteTrailer(Span<byte> destination, ReadOnlySpan<byte> payload)
        => BinaryPrimitives.WriteUInt32LittleEndian(destination, Crc32.Compute(payload));
}
