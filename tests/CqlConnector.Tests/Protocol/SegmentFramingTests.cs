using System.Text;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Protocol;

/// <summary>
/// Protocol v5 segment framing (native_protocol_v5.spec §2): CRC24/CRC32 with the spec's parameters, byte-exact
/// headers, and the encoder/decoder pair on multi-envelope segments, split envelopes and corruption.
/// </summary>
public sealed class SegmentFramingTests
{
    [Fact]
    public void Crc24_uses_the_spec_initial_value_and_polynomial()
    {
        // The CRC catalogue's check input "123456789" with init 0x875060 and polynomial 0x1974F0B.
        Assert.Equal(0x4B3F02, Crc24.Compute("123456789"u8));
        // Header of a 50-byte self-contained payload: 50 | 1 << 17 = 0x020032, little-endian 32 00 02.
        Assert.Equal(0xEEFFA5, Crc24.Compute([0x32, 0x00, 0x02]));
        Assert.Equal(Crc24.Compute(0x020032UL, 3), Crc24.Compute([0x32, 0x00, 0x02]));
    }

    [Fact]
    public void Crc32_is_the_ieee_crc_seeded_with_cassandras_initial_bytes()
    {
        Assert.Equal(0xCBF43926u, Crc32.ComputeStandard("123456789"u8)); // the standard check value: the table is right
        Assert.Equal(0xE2A261A7u, Crc32.Compute("123456789"u8));          // zlib.crc32(data, crc32(FA 2D 55 CA))
        Assert.Equal(0x44777ED3u, Crc32.Compute([]));                      // an empty payload does not check to 0
        var large = Enumerable.Range(0, 100_003).Select(i => (byte)(i * 31)).ToArray();
        Assert.Equal(Crc32.ComputeStandard([0xFA, 0x2D, 0x55, 0xCA, .. large]), Crc32.Compute(large));
    }

    [Fact]
    public void Uncompressed_segment_header_payload_and_trailer_are_byte_exact()
    {
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteSegment(writer, Encoding.ASCII.GetBytes(new string('b', 50)), selfContained: true, compress: false);
        var bytes = writer.WrittenSpan.ToArray();
        Assert.Equal(6 + 50 + 4, bytes.Length);
        Assert.Equal("320002A5FFEE", Convert.ToHexString(bytes, 0, 6));
        Assert.Equal("7AAEEB7C", Convert.ToHexString(bytes, 56, 4)); // CRC32 0x7CEBAE7A, little-endian
    }

    [Fact]
    public void An_options_envelope_in_one_segment()
    {
        using var envelope = new CqlBufferWriter();
        CqlConnector.Protocol.Requests.OptionsRequest.Instance.WriteFrame(envelope, ProtocolVersion.V5);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, envelope.WrittenSpan, compress: false);
        Assert.Equal("090002A4C8C1" + "050000000500000000" + "1086284D", Convert.ToHexString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData(SegmentHeader.MaxPayloadLength, 0, true, false, "FFFF03254047")]
    [InlineData(SegmentHeader.MaxPayloadLength, 0, false, false, "FFFF013891FE")]
    [InlineData(10, 50, true, true, "0A0064000410480D")] // 10 | 50 << 17 | 1 << 34 in 5 bytes, then the CRC24
    public void Headers_round_trip_byte_exact(int payload, int uncompressed, bool selfContained, bool compressed, string hex)
    {
        var header = new SegmentHeader(payload, uncompressed, selfContained);
        var bytes = new byte[SegmentHeader.HeaderSize(compressed)];
        header.Write(bytes, compressed);
        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(header, SegmentHeader.Read(bytes, compressed));
    }

    [Fact]
    public void Small_envelopes_share_one_self_contained_segment()
    {
        var envelopes = Envelopes(100, 0, 2000);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, envelopes, compress: false);
        var header = SegmentHeader.Read(writer.WrittenSpan, compressed: false);
        Assert.True(header.IsSelfContained);
        Assert.Equal(envelopes.Length, header.PayloadLength);
        Assert.Equal(6 + envelopes.Length + 4, writer.Position);

        var decoded = Decode(writer.WrittenSpan.ToArray(), compressed: false);
        Assert.Equal([100, 0, 2000], decoded.Select(e => e.Body.Length));
        Assert.Equal([1, 2, 3], decoded.Select(e => (int)e.Header.StreamId));
        Assert.All(decoded, e => Assert.Equal(Body(e.Body.Length, e.Header.StreamId), e.Body));
    }

    [Fact]
    public void Envelopes_beyond_one_payload_start_a_new_segment()
    {
        var envelopes = Envelopes(80_000, 80_000);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, envelopes, compress: false);
        var first = SegmentHeader.Read(writer.WrittenSpan, compressed: false);
        Assert.True(first.IsSelfContained);
        Assert.Equal(80_009, first.PayloadLength);
        Assert.Equal(2, Decode(writer.WrittenSpan.ToArray(), compressed: false).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_large_envelope_spans_non_self_contained_segments_between_small_ones(bool compressed)
    {
        var envelopes = Envelopes(10, 300_000, 20);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, envelopes, compressed);

        var segments = Segments(writer.WrittenSpan.ToArray(), compressed);
        Assert.Equal([true, false, false, false, true], segments.Select(s => s.IsSelfContained));
        var decoded = Decode(writer.WrittenSpan.ToArray(), compressed);
        Assert.Equal([10, 300_000, 20], decoded.Select(e => e.Body.Length));
        Assert.All(decoded, e => Assert.Equal(Body(e.Body.Length, e.Header.StreamId), e.Body));
    }

    [Fact]
    public void Lz4_segments_compress_and_send_incompressible_payloads_as_they_are()
    {
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteSegment(writer, new byte[1000], selfContained: true, compress: true);
        var header = SegmentHeader.Read(writer.WrittenSpan, compressed: true);
        Assert.Equal(1000, header.UncompressedLength);
        Assert.True(header.PayloadLength < 100);

        writer.Reset();
        SegmentEncoder.WriteSegment(writer, [0x42], selfContained: true, compress: true);
        header = SegmentHeader.Read(writer.WrittenSpan, compressed: true);
        Assert.Equal(0, header.UncompressedLength); // "an uncompressed length of 0 signals ... used as-is" (§2.2)
        Assert.Equal(1, header.PayloadLength);
        Assert.Equal(0x42, writer.WrittenSpan[8]);
    }

    [Fact]
    public void Decoder_waits_for_whole_segments_fed_byte_by_byte()
    {
        var envelopes = Envelopes(300);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, envelopes, compress: false);
        var bytes = writer.WrittenSpan.ToArray();
        using var decoder = new SegmentDecoder(compressed: false, "the test");
        var count = 0;
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(0, decoder.TryDecode(bytes.AsSpan(0, length), (_, body, _) => { count++; System.Buffers.ArrayPool<byte>.Shared.Return(body); }));
        }

        Assert.Equal(bytes.Length, decoder.TryDecode(bytes, (_, body, _) => { count++; System.Buffers.ArrayPool<byte>.Shared.Return(body); }));
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData(4)]  // inside the header's CRC24
    [InlineData(1)]  // the length bits themselves
    [InlineData(20)] // the payload
    [InlineData(-1)] // the CRC32 trailer
    public void Any_corrupted_byte_is_a_protocol_violation(int offset)
    {
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(writer, Envelopes(50), compress: false);
        var bytes = writer.WrittenSpan.ToArray();
        bytes[offset < 0 ? bytes.Length + offset : offset] ^= 0x10;
        using var decoder = new SegmentDecoder(compressed: false, "the node 10.0.0.1:9042");
        var ex = Assert.Throws<CqlProtocolViolationException>(() => decoder.TryDecode(bytes, (_, _, _) => { }));
        Assert.Contains("CRC", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10.0.0.1:9042", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_contained_segment_cutting_an_envelope_short_is_a_protocol_violation()
    {
        var envelope = Envelopes(100);
        using var writer = new CqlBufferWriter();
        SegmentEncoder.WriteSegment(writer, envelope.AsSpan(0, 50), selfContained: true, compress: false);
        using var decoder = new SegmentDecoder(compressed: false, "the test");
        Assert.Throws<CqlProtocolViolationException>(() => decoder.TryDecode(writer.WrittenSpan, (_, _, _) => { }));
    }

    private static byte[] Body(int length, short streamId) => Enumerable.Range(0, length).Select(i => (byte)(i + streamId)).ToArray();

    /// <summary>Response envelopes (version 0x85, RESULT) with the given body lengths and stream ids 1, 2, ...</summary>
    internal static byte[] Envelopes(params int[] bodyLengths)
    {
        using var writer = new CqlBufferWriter();
        short streamId = 1;
        foreach (var length in bodyLengths)
        {
            var offset = writer.Reserve(FrameHeader.Size);
            new FrameHeader(0x85, FrameFlags.None, streamId, Opcode.Result, length).Write(writer.SpanAt(offset, FrameHeader.Size));
            writer.WriteRaw(Body(length, streamId));
            streamId++;
        }

        return writer.WrittenSpan.ToArray();
    }

    private static List<SegmentHeader> Segments(byte[] bytes, bool compressed)
    {
        var headers = new List<SegmentHeader>();
        var position = 0;
        while (position < bytes.Length)
        {
            var header = SegmentHeader.Read(bytes.AsSpan(position), compressed);
            headers.Add(header);
            position += SegmentHeader.HeaderSize(compressed) + header.PayloadLength + SegmentHeader.TrailerSize;
        }

        return headers;
    }

    private static List<(FrameHeader Header, byte[] Body)> Decode(byte[] bytes, bool compressed)
    {
        var result = new List<(FrameHeader, byte[])>();
        using var decoder = new SegmentDecoder(compressed, "the test");
        var position = 0;
        while (position < bytes.Length)
        {
            var consumed = decoder.TryDecode(bytes.AsSpan(position), (header, body, length) =>
            {
                result.Add((header, body.AsSpan(0, length).ToArray()));
                System.Buffers.ArrayPool<byte>.Shared.Return(body);
            });
            Assert.True(consumed > 0);
            position += consumed;
        }

        return result;
    }
}
