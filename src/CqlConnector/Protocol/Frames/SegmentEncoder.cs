using K4os.Compression.LZ4;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Frames;

/// <summary>
/// Wraps encoded envelopes (frames) into v5 segments (native_protocol_v5.spec §2): consecutive envelopes share one
/// self-contained segment up to 128 KiB − 1 of payload; an envelope larger than that travels alone, split over
/// non-self-contained segments. With LZ4, each payload is compressed unless that would not make it smaller.
/// </summary>
internal static class SegmentEncoder
{
    /// <summary>Encodes the whole envelopes in <paramref name="envelopes"/> as segments appended to <paramref name="output"/>.</summary>
    public static void WriteEnvelopes(CqlBufferWriter output, ReadOnlySpan<byte> envelopes, bool compress)
    {
        var runStart = 0;
        var position = 0;
        while (position < envelopes.Length)
        {
            if (envelopes.Length - position < FrameHeader.Size)
            {
                throw new InvalidOperationException("The write buffer ends inside an envelope header; only whole envelopes can be framed.");
            }

            var size = FrameHeader.Size + FrameHeader.Read(envelopes[position..]).BodyLength;
            if (size > envelopes.Length - position)
            {
                throw new InvalidOperationException("The write buffer ends inside an envelope body; only whole envelopes can be framed.");
            }

            if (size > SegmentHeader.MaxPayloadLength)
            {
                WriteRun(output, envelopes[runStart..position], compress);
                var envelope = envelopes.Slice(position, size);
                while (!envelope.IsEmpty)
                {
                    var part = Math.Min(envelope.Length, SegmentHeader.MaxPayloadLength);
                    WriteSegment(output, envelope[..part], selfContained: false, compress);
                    envelope = envelope[part..];
                }

                position += size;
                runStart = position;
                continue;
            }

            if (position + size - runStart > SegmentHeader.MaxPayloadLength)
            {
                WriteRun(output, envelopes[runStart..position], compress);
                runStart = position;
            }

            position += size;
        }

        WriteRun(output, envelopes[runStart..position], compress);
    }

    private static void WriteRun(CqlBufferWriter output, ReadOnlySpan<byte> run, bool compress)
    {
        if (!run.IsEmpty)
        {
            WriteSegment(output, run, selfContained: true, compress);
        }
    }

    /// <summary>Appends one segment: header, payload (LZ4-compressed when that helps) and CRC32 trailer.</summary>
    public static void WriteSegment(CqlBufferWriter output, ReadOnlySpan<byte> payload, bool selfContained, bool compress)
    {
        if (payload.Length > SegmentHeader.MaxPayloadLength)
        {
            throw new ArgumentException($"A v5 segment carries at most {SegmentHeader.MaxPayloadLength} bytes of payload, not {payload.Length}.", nameof(payload));
        }

        var headerSize = SegmentHeader.HeaderSize(compress);
        var headerOffset = output.Reserve(headerSize);
        var payloadOffset = output.Position;
        SegmentHeader header;
        if (compress)
        {
            var target = output.GetSpan(LZ4Codec.MaximumOutputSize(payload.Length));
            var compressedLength = LZ4Codec.Encode(payload, target);
            if (compressedLength > 0 && compressedLength < payload.Length)
            {
                output.Advance(compressedLength);
                header = new SegmentHeader(compressedLength, payload.Length, selfContained);
            }
            else
            {
                // Incompressible: sent as is, which an uncompressed length of 0 announces (§2.2).
                output.WriteRaw(payload);
                header = new SegmentHeader(payload.Length, 0, selfContained);
            }
        }
        else
        {
            output.WriteRaw(payload);
            header = new SegmentHeader(payload.Length, 0, selfContained);
        }

        header.Write(output.SpanAt(headerOffset, headerSize), compress);
        var trailer = output.GetSpan(SegmentHeader.TrailerSize); // may grow the buffer: take it before the payload span
        SegmentHeader.WriteTrailer(trailer, output.SpanAt(payloadOffset, header.PayloadLength));
        output.Advance(SegmentHeader.TrailerSize);
    }
}
