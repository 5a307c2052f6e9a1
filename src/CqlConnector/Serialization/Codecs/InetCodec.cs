using System.Net;

namespace CqlConnector.Serialization.Codecs;

/// <summary>inet: the 4 bytes of an IPv4 or the 16 bytes of an IPv6 address, in network order (v5 §6.10).</summary>
internal sealed class InetCodec : CqlCodec
{
    public static readonly InetCodec Instance = new();

    public override Type DefaultClrType => typeof(IPAddress);

    public override string ReadableAs => "IPAddress";

    public override string WritableFrom => "an IPAddress (e.g. IPAddress.Parse(\"10.0.0.1\"))";

    public static IPAddress Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        if (bytes.Length != 4 && bytes.Length != 16)
        {
            throw bytes.IsEmpty
                ? BadLength(type, 4, 0)
                : new CqlProtocolViolationException($"A CQL {type} value has 4 (IPv4) or 16 (IPv6) bytes, but the server sent {bytes.Length}.");
        }

        return new IPAddress(bytes);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        if (value is not IPAddress address)
        {
            throw CannotWrite(value, type);
        }

        address.TryWriteBytes(writer.GetSpan(16), out var written);
        writer.Advance(written);
    }
}
