using System.Buffers;
using System.Buffers.Binary;
using CqlConnector.Protocol.Frames;
using K4os.Compression.LZ4;

namespace CqlConnector.Connections.Compression;

/// <summary>
/// LZ4 frame bodies (native_protocol_v4.spec §5): a 4-byte big-endian uncompressed length, then one LZ4 block — the
/// layout Cassandra's <c>LZ4Compressor</c> reads and writes.
/// </summary>
internal sealed class Lz4FrameCompressor : FrameCompressor
{
    public const string AlgorithmName = "lz4";

    public static readonly Lz4FrameCompressor Instance = new();

    public override string Name => AlgorithmName;

    public override int MaxCompressedLength(int length) => 4 + LZ4Codec.MaximumOutputSize(length);

    public override int Compress(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, body.Length);
        return 4 + (body.IsEmpty ? 0 : LZ4Codec.Encode(body, destination[4..]));
    }

    public override byte[] Decompress(ReadOnlySpan<byte> body, out int length)
    {
        if (body.Length < 4)
        {
            throw Corrupt(AlgorithmName, $"{body.Length} bytes, too few for the uncompressed length");
        }

        length = BinaryPrimitives.ReadInt32BigEndian(body);
        if ((uint)length > FrameHeader.MaxBodyLength)
        {
            throw Corrupt(AlgorithmName, $"it announces {length} uncompressed bytes");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        if (length > 0 && LZ4Codec.Decode(body[4..], buffer.AsSpan(0, length)) != length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw Corrupt(AlgorithmName, $"the block does not decode to the announced {length} bytes");
        }

        return buffer;
    }
}
