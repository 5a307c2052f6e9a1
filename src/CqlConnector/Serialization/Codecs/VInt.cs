using System.Numerics;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// The protocol's variable-length integers (native protocol v5 §3, [unsigned vint] and [vint]): the count of leading
/// 1 bits of the first byte is the number of extra bytes; the value follows, most significant byte first, in the rest
/// of the first byte and the extra bytes. A nine-byte vint has a first byte of 0xFF and the value in the eight others.
/// A signed [vint] is zig-zag encoded first (0, -1, 1, -2 → 0, 1, 2, 3).
/// </summary>
internal static class VInt
{
    /// <summary>The largest encoded size.</summary>
    public const int MaxSize = 9;

    /// <summary>The encoded size of <paramref name="value"/>: one byte per 7 significant bits, at most 9.</summary>
    public static int SizeOf(ulong value)
    {
        var bits = 64 - BitOperations.LeadingZeroCount(value | 1);
        return Math.Min(MaxSize, (bits + 6) / 7);
    }

    /// <summary>Writes an [unsigned vint] into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteUnsigned(Span<byte> destination, ulong value)
    {
        var size = SizeOf(value);
        var extra = size - 1;
        var span = destination[..size];
        var v = value;
        for (var i = size - 1; i >= 0; i--)
        {
            span[i] = (byte)v;
            v >>= 8;
        }

        if (extra > 0)
        {
            // The value's top 'size' bits in the first byte are zero (it has at most 7 bits per byte), so the leading
            // ones that count the extra bytes fit in front of it; for 9 bytes the first byte is all ones.
            span[0] |= (byte)~(0xFF >> extra);
        }

        return size;
    }

    /// <summary>Writes a signed [vint] (zig-zag) into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteSigned(Span<byte> destination, long value) => WriteUnsigned(destination, ZigZag(value));

    /// <summary>Appends an [unsigned vint] to <paramref name="writer"/>.</summary>
    public static void WriteUnsigned(CqlBufferWriter writer, ulong value) => writer.Advance(WriteUnsigned(writer.GetSpan(MaxSize), value));

    /// <summary>Appends a signed [vint] to <paramref name="writer"/>.</summary>
    public static void WriteSigned(CqlBufferWriter writer, long value) => WriteUnsigned(writer, ZigZag(value));

    /// <summary>Reads an [unsigned vint] from the start of <paramref name="source"/>.</summary>
    /// <exception cref="CqlProtocolViolationException">The input ends inside the vint.</exception>
    public static ulong ReadUnsigned(ReadOnlySpan<byte> source, out int bytesRead)
    {
        if (source.IsEmpty)
        {
            throw new CqlProtocolViolationException("A variable-length integer was expected, but the value ended.");
        }

        var first = source[0];
        var extra = BitOperations.LeadingZeroCount((uint)(byte)~first) - 24;
        if (source.Length < 1 + extra)
        {
            throw new CqlProtocolViolationException(
                $"A variable-length integer announced {extra} more bytes, but only {source.Length - 1} remain.");
        }

        ulong value = extra >= 8 ? 0UL : (ulong)(first & (0xFF >> extra));
        for (var i = 1; i <= extra; i++)
        {
            value = (value << 8) | source[i];
        }

        bytesRead = 1 + extra;
        return value;
    }

    /// <summary>Reads a signed [vint] (zig-zag) from the start of <paramref name="source"/>.</summary>
    public static long ReadSigned(ReadOnlySpan<byte> source, out int bytesRead) => UnZigZag(ReadUnsigned(source, out bytesRead));

    /// <summary>Zig-zag encoding: <c>(n &lt;&lt; 1) ^ (n &gt;&gt; 63)</c>.</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>Zig-zag decoding: <c>(n &gt;&gt;&gt; 1) ^ -(n &amp; 1)</c>.</summary>
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
