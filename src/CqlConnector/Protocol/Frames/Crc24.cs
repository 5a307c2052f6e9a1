namespace CqlConnector.Protocol.Frames;

/// <summary>
/// The CRC24 that protects a v5 segment header (native_protocol_v5.spec §2.1; Cassandra's <c>Crc.crc24</c>): initial
/// value 0x875060, polynomial 0x1974F0B, the header's bytes fed in wire order (least significant first).
/// </summary>
internal static class Crc24
{
    private const int Initial = 0x875060;
    private const int Polynomial = 0x1974F0B;

    /// <summary>The CRC24 of the <paramref name="length"/> low bytes of <paramref name="bytes"/> (a little-endian header).</summary>
    public static int Compute(ulong bytes, int length)
    {
        var crc = Initial;
        for (var i = 0; i < length; i++)
        {
            crc = Update(crc, (byte)bytes);
            bytes >>= 8;
        }

        return crc;
    }

    /// <summary>The CRC24 of <paramref name="bytes"/> in wire order. A header is 3 or 5 bytes, so bitwise is as fast as a table.</summary>
    public static int Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = Initial;
        foreach (var b in bytes)
        {
            crc = Update(crc, b);
        }

        return crc;
    }

    private static int Update(int crc, byte b)
    {
        crc ^= b << 16;
        for (var bit = 0; bit < 8; bit++)
        {
            crc <<= 1;
            if ((crc & 0x1000000) != 0)
            {
                crc ^= Polynomial;
            }
        }

        return crc;
    }
}
