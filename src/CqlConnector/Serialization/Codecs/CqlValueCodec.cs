namespace CqlConnector.Serialization.Codecs;
internal static class CqlValueCodec
{
    public static void WriteValue(CqlBufferWriter writer, object? value, CqlType type, ProtocolVersion version) => throw new NotImplementedException();
    public static CqlType InferType(object value) => throw new NotImplementedException();
    public static object ReadObject(ReadOnlySpan<byte> bytes, CqlType type) => bytes.ToArray();
    public static T Read<T>(ReadOnlySpan<byte> bytes, CqlType type) => (T)(object)System.Text.Encoding.UTF8.GetString(bytes);
    public static Type GetDefaultClrType(CqlType type) => throw new NotImplementedException();
}
