using System.Buffers;
using CqlConnector.Protocol.Frames;
using Snappier;

namespace CqlConnector.Connections.Compression;

/// <summary>Snappy frame bodies (native_protocol_v4.spec §5): one raw Snappy block, which carries its own length.</summary>
internal sealed class SnappyFrameCompressor : FrameCompressor
{
    public const string AlgorithmName = "snappy";

    public static readonly SnappyFrameCompressor Instance = new();

    public override string Name => AlgorithmName;

    public override int MaxCompressedLength(int length) => Snappy.GetMaxCompressedLength(length);

    public override int Compress(ReadOnlySpan<byte> body, Span<byte> destination) => Snappy.Compress(body, destination);

    public override byte[] Decompress(ReadOnlySpan<byte> body, out int length)
    {
        try
        {
            length = Snappy.GetUncompressedLength(body);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(AlgorithmName, ex.Message);
        }

        if ((uint)length > FrameHeader.MaxBodyLength)
        {
            throw Corrupt(AlgorithmName, $"it announces {length} uncompressed bytes");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            if (Snappy.Decompress(body, buffer.AsSpan(0, length)) != length)
            {
                throw Corrupt(AlgorithmName, $"the block does not decode to the announced {length} bytes");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw Corrupt(AlgorithmName, ex.Message);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return buffer;
    }
}
