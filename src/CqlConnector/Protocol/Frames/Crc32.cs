namespace CqlConnector.Protocol.Frames;

/// <summary>
/// The CRC32 trailer of a v5 segment (native_protocol_v5.spec §2.1): the IEEE CRC32 (zlib's, Java's
/// <c>java.util.zip.CRC32</c>) of the payload, with Cassandra's four initial bytes FA 2D 55 CA fed first so that an
/// all-zero payload does not have an all-zero checksum. Table-driven, eight bytes per step.
/// </summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320; // reflected 0x04C11DB7

    private static readonly uint[] Table = BuildTable();

    /// <summary>The register after the initial bytes, so each checksum starts from it rather than feeding them again.</summary>
    private static readonly uint Seed = Update(0xFFFFFFFF, [0xFA, 0x2D, 0x55, 0xCA]);

    /// <summary>The checksum Cassandra puts after a segment payload.</summary>
    public static uint Compute(ReadOnlySpan<byte> payload) => ~Update(Seed, payload);

    /// <summary>The plain IEEE CRC32 (no initial bytes), for checking the table against the standard check value.</summary>
    internal static uint ComputeStandard(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFF, data);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        while (data.Length >= 8)
        {
            var low = crc ^ (uint)(data[0] | data[1] << 8 | data[2] << 16 | data[3] << 24);
            crc = table[(7 * 256) + (low & 0xFF)] ^ table[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ table[(5 * 256) + ((low >> 16) & 0xFF)] ^ table[(4 * 256) + (low >> 24)]
                ^ table[(3 * 256) + data[4]] ^ table[(2 * 256) + data[5]]
                ^ table[256 + data[6]] ^ table[data[7]];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Eight 256-entry tables: table k gives the effect of a byte followed by k zero bytes.</summary>
    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var k = 1; k < 8; k++)
            {
                var previous = table[((k - 1) * 256) + i];
                table[(k * 256) + i] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}
