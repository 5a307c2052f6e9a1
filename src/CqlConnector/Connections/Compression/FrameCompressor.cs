namespace CqlConnector.Connections.Compression;

/// <summary>
/// Compresses and decompresses whole frame bodies on protocol v3/v4 (native_protocol_v4.spec §5), where the
/// Compression flag of each frame says whether its body is compressed. (Protocol v5 compresses segments instead.)
/// </summary>
internal abstract class FrameCompressor
{
    /// <summary>Bodies smaller than this are sent as they are: compressing them saves too little to pay for itself.</summary>
    public const int Threshold = 512;

    /// <summary>The algorithm's name in SUPPORTED and STARTUP's COMPRESSION option.</summary>
    public abstract string Name { get; }

    /// <summary>An upper bound of the compressed size of <paramref name="length"/> bytes.</summary>
    public abstract int MaxCompressedLength(int length);

    /// <summary>Compresses <paramref name="body"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public abstract int Compress(ReadOnlySpan<byte> body, Span<byte> destination);

    /// <summary>Decompresses a received body into a buffer rented from the array pool, which the caller returns.</summary>
    public abstract byte[] Decompress(ReadOnlySpan<byte> body, out int length);

    /// <summary>The compressor for an algorithm name of SUPPORTED, or null for one this client does not have.</summary>
    public static FrameCompressor? ForName(string name) => name switch
    {
        Lz4FrameCompressor.AlgorithmName => Lz4FrameCompressor.Instance,
        SnappyFrameCompressor.AlgorithmName => SnappyFrameCompressor.Instance,
        _ => null,
    };

    private protected static CqlProtocolViolationException Corrupt(string algorithm, string detail)
        => new($"A {algorithm}-compressed frame body could not be decompressed ({detail}); the connection is closed because its data can no longer be trusted.");
}
