using System.Buffers;
using System.Numerics;

namespace CqlConnector.Protocol.Frames;

/// <summary>
/// The buffers received frame bodies are kept in. A read loop parses every frame of a read at once, so a burst of
/// answers rents many small buffers on the reader thread before the callers give them back on theirs; the shared
/// pool keeps only a few dozen buffers per size, so under load most of a burst was allocated anew. Small bodies
/// (point reads, write acknowledgements) therefore come from a pool sized for a connection's worth of in-flight
/// requests; larger ones from the shared pool.
/// </summary>
internal static class FrameBuffers
{
    /// <summary>Bodies up to this size use the dedicated pool (retaining at most ~2 MB over all its sizes).</summary>
    private const int SmallLimit = 4096;

    private static readonly ArrayPool<byte> Small = ArrayPool<byte>.Create(SmallLimit, 256);

    public static byte[] Rent(int length) => length <= SmallLimit ? Small.Rent(Math.Max(length, 1)) : ArrayPool<byte>.Shared.Rent(length);

    /// <summary>Gives back a buffer from <see cref="Rent"/> or from the shared pool (as the decompressors rent).</summary>
    public static void Return(byte[] buffer)
    {
        // The dedicated pool takes exactly its bucket sizes (powers of two from 16): anything else goes to the shared pool.
        if (buffer.Length is >= 16 and <= SmallLimit && BitOperations.IsPow2(buffer.Length))
        {
            Small.Return(buffer);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
