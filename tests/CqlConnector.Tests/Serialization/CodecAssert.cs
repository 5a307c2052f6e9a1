using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Tests.Serialization;

/// <summary>Helpers shared by the codec tests: encode to hex, decode from hex.</summary>
internal static class CodecAssert
{
    /// <summary>The whole protocol [value] (length prefix included) as upper-case hex.</summary>
    public static string EncodeValue(object? value, CqlType type, ProtocolVersion version = ProtocolVersion.V5)
    {
        using var writer = new CqlBufferWriter(16);
        CqlValueCodec.WriteValue(writer, value, type, version);
        return Convert.ToHexString(writer.WrittenSpan);
    }

    /// <summary>The value's bytes without the length prefix, after checking that the prefix matches them.</summary>
    public static string Encode(object value, CqlType type, ProtocolVersion version = ProtocolVersion.V5)
    {
        var hex = EncodeValue(value, type, version);
        var length = Convert.ToInt32(hex[..8], 16);
        Assert.Equal(length * 2, hex.Length - 8);
        return hex[8..];
    }

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static object ReadObject(string hex, CqlType type) => CqlValueCodec.ReadObject(Bytes(hex), type);

    public static T Read<T>(string hex, CqlType type) => CqlValueCodec.Read<T>(Bytes(hex), type);

    /// <summary>Encodes, checks the bytes, then decodes them back to the default CLR type and checks the value.</summary>
    public static void RoundTrip(object value, CqlType type, string expectedHex)
    {
        expectedHex = expectedHex.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(expectedHex, Encode(value, type));
        Assert.Equal(value, ReadObject(expectedHex, type));
    }
}
