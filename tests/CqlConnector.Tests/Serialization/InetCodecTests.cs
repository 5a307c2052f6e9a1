using System.Net;
using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>inet: 4 (IPv4) or 16 (IPv6) address bytes (v5 §6.10).</summary>
public class InetCodecTests
{
    [Fact]
    public void IPv4_and_IPv6()
    {
        RoundTrip(IPAddress.Parse("192.168.1.10"), CqlType.Inet, "C0A8010A");
        RoundTrip(IPAddress.IPv6Loopback, CqlType.Inet, "00000000000000000000000000000001");
        RoundTrip(IPAddress.Parse("2001:db8::ff00:42:8329"), CqlType.Inet, "20010DB8000000000000FF0000428329");
    }

    [Fact]
    public void Other_lengths_are_violations() => Assert.Throws<CqlProtocolViolationException>(() => ReadObject("C0A801", CqlType.Inet));

    [Fact]
    public void Strings_are_refused() => Assert.Throws<InvalidCastException>(() => Encode("10.0.0.1", CqlType.Inet));
}
