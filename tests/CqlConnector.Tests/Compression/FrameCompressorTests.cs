using System.Buffers;
using CqlConnector.Connections.Compression;

namespace CqlConnector.Tests.Compression;

/// <summary>The v3/v4 frame body layouts of native_protocol_v4.spec §5 and their failure modes.</summary>
public sealed class FrameCompressorTests
{
    private static readonly byte[] Sample = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 17 == 0 ? i : 'a'))];

    [Fact]
    public void Lz4_body_is_the_big_endian_uncompressed_length_then_one_lz4_block()
    {
        var compressor = Lz4FrameCompressor.Instance;
        var buffer = new byte[compressor.MaxCompressedLength(Sample.Length)];
        var length = compressor.Compress(Sample, buffer);

        Assert.Equal("00002710", Convert.ToHexString(buffer, 0, 4)); // 10,000
        Assert.True(length < Sample.Length / 4);
        var block = new byte[Sample.Length];
        Assert.Equal(Sample.Length, K4os.Compression.LZ4.LZ4Codec.Decode(buffer.AsSpan(4, length - 4), block));
        Assert.Equal(Sample, block);
        Assert.Equal(Sample, RoundTrip(compressor, buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Lz4_empty_body_is_a_zero_length()
    {
        var buffer = new byte[16];
        Assert.Equal(4, Lz4FrameCompressor.Instance.Compress([], buffer));
        Assert.Empty(RoundTrip(Lz4FrameCompressor.Instance, buffer.AsSpan(0, 4)));
    }

    [Fact]
    public void Snappy_body_is_a_raw_snappy_block_starting_with_its_varint_length()
    {
        var compressor = SnappyFrameCompressor.Instance;
        var buffer = new byte[compressor.MaxCompressedLength(Sample.Length)];
        var length = compressor.Compress(Sample, buffer);

        Assert.Equal("904E", Convert.ToHexString(buffer, 0, 2)); // 10,000 as a little-endian base-128 varint
        Assert.Equal(Sample, RoundTrip(compressor, buffer.AsSpan(0, length)));
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("snappy")]
    public void A_corrupt_body_is_a_protocol_violation_that_names_the_algorithm(string name)
    {
        var compressor = FrameCompressor.ForName(name)!;
        var buffer = new byte[compressor.MaxCompressedLength(Sample.Length)];
        var length = compressor.Compress(Sample, buffer);
        var corrupt = buffer.AsSpan(0, length / 2).ToArray();

        var ex = Assert.Throws<CqlProtocolViolationException>(() => compressor.Decompress(corrupt, out _));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_algorithms_have_no_compressor()
    {
        Assert.Null(FrameCompressor.ForName("deflate"));
        Assert.Equal(CqlCompression.Lz4, new CqlConnectionStringBuilder("Compression=LZ4").Compression);
        Assert.Equal(CqlCompression.None, new CqlConnectionStringBuilder().Compression);
        Assert.Throws<ArgumentException>(() => new CqlConnectionStringBuilder("Compression=zstd").Compression);
    }

    private static byte[] RoundTrip(FrameCompressor compressor, ReadOnlySpan<byte> body)
    {
        var buffer = compressor.Decompress(body, out var length);
        var result = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return result;
    }
}
