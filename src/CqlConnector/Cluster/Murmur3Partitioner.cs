using System.Buffers.Binary;

namespace CqlConnector.Cluster;

/// <summary>
/// Cassandra's default partitioner: the token of a partition key is the first 64-bit half of MurmurHash3 x64 128
/// (seed 0) of its serialized bytes, computed exactly as Cassandra's <c>MurmurHash.hash3_x64_128</c> does — including
/// its quirk of sign-extending the tail bytes, which makes it differ from the reference MurmurHash3 for keys whose
/// length is not a multiple of 16 and whose tail has a byte ≥ 0x80. Token-aware routing needs the very same token.
/// </summary>
internal static class Murmur3Partitioner
{
    private const ulong C1 = 0x87c37b91114253d5;
    private const ulong C2 = 0x4cf5ad432745937f;

    /// <summary>The token of an empty key (and the ring's minimum).</summary>
    public const long MinimumToken = long.MinValue;

    /// <summary>
    /// The token of a serialized partition key (for a composite key, see <see cref="ComposeRoutingKey"/>). Long.MinValue
    /// is reserved for the minimum token, so a hash of Long.MinValue maps to Long.MaxValue, as in Cassandra.
    /// </summary>
    public static long GetToken(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            return MinimumToken;
        }

        var hash = (long)Hash3X64128(key);
        return hash == long.MinValue ? long.MaxValue : hash;
    }

    /// <summary>
    /// The routing key of a partition key: a single component's bytes as they are; for a composite partition key,
    /// each component as [short length][bytes][0x00] (Cassandra's CompositeType encoding).
    /// </summary>
    public static byte[] ComposeRoutingKey(IReadOnlyList<byte[]> components)
    {
        if (components.Count == 1)
        {
            return components[0];
        }

        var length = 0;
        foreach (var component in components)
        {
            if (component.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"A component of a composite partition key holds at most {ushort.MaxValue} bytes; this one has {component.Length}.", nameof(components));
            }

            length += 2 + component.Length + 1;
        }

        var key = new byte[length];
        var position = 0;
        foreach (var component in components)
        {
            BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(position), (ushort)component.Length);
            component.CopyTo(key, position + 2);
            position += 2 + component.Length + 1; // the end-of-component byte stays 0
        }

        return key;
    }

    /// <summary>The first 64 bits of Cassandra's MurmurHash3 x64 128 with seed 0.</summary>
    private static ulong Hash3X64128(ReadOnlySpan<byte> key)
    {
        ulong h1 = 0;
        ulong h2 = 0;
        var length = key.Length;
        var blocks = key[..(length & ~15)];
        while (!blocks.IsEmpty)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(blocks);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(blocks[8..]);
            blocks = blocks[16..];

            h1 ^= MixK1(k1);
            h1 = ulong.RotateLeft(h1, 27);
            h1 += h2;
            h1 = (h1 * 5) + 0x52dce729;

            h2 ^= MixK2(k2);
            h2 = ulong.RotateLeft(h2, 31);
            h2 += h1;
            h2 = (h2 * 5) + 0x38495ab5;
        }

        var tail = key[(length & ~15)..];
        if (tail.Length > 8)
        {
            ulong k2 = 0;
            for (var i = tail.Length - 1; i >= 8; i--)
            {
                k2 ^= Signed(tail[i]) << (8 * (i - 8));
            }

            h2 ^= MixK2(k2);
        }

        if (!tail.IsEmpty)
        {
            ulong k1 = 0;
            for (var i = Math.Min(tail.Length, 8) - 1; i >= 0; i--)
            {
                k1 ^= Signed(tail[i]) << (8 * i);
            }

            h1 ^= MixK1(k1);
        }

        h1 ^= (ulong)length;
        h2 ^= (ulong)length;
        h1 += h2;
        h2 += h1;
        h1 = FinalMix(h1);
        h2 = FinalMix(h2);
        return h1 + h2;
    }

    /// <summary>Cassandra reads tail bytes as Java's signed bytes and widens them to long: a byte ≥ 0x80 sets all higher bits.</summary>
    private static ulong Signed(byte b) => (ulong)(long)(sbyte)b;

    private static ulong MixK1(ulong k1) => ulong.RotateLeft(k1 * C1, 31) * C2;

    private static ulong MixK2(ulong k2) => ulong.RotateLeft(k2 * C2, 33) * C1;

    private static ulong FinalMix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53;
        k ^= k >> 33;
        return k;
    }
}
