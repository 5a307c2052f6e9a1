using System.Net;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Security;

/// <summary>SASL PLAIN tokens (RFC 4616: authzid NUL authcid NUL passwd) and their AUTH_RESPONSE frame (native_protocol_v4.spec).</summary>
public sealed class PlainTextAuthenticatorTests
{
    private const string PasswordAuthenticator = "org.apache.cassandra.auth.PasswordAuthenticator";

    private static CqlAuthenticationContext Context(string authenticatorClass = PasswordAuthenticator)
        => new(new IPEndPoint(IPAddress.Loopback, 9042), authenticatorClass);

    [Fact]
    public void Initial_response_is_empty_authzid_then_user_and_password_separated_by_NUL()
    {
        var token = new PlainTextAuthenticator("cassandra", "cassandra").GetInitialResponse(Context());
        Assert.Equal("00" + "63617373616E647261" + "00" + "63617373616E647261", Convert.ToHexString(token!));
    }

    [Fact]
    public void Non_ASCII_user_and_password_are_UTF8()
    {
        // 'ü' = C3 BC, 'ä' = C3 A4, 'ö' = C3 B6.
        var token = new PlainTextAuthenticator("jü", "pä").GetInitialResponse(Context());
        Assert.Equal("00" + "6AC3BC" + "00" + "70C3A4", Convert.ToHexString(token!));
    }

    [Fact]
    public void Empty_password_still_has_both_separators()
    {
        var token = new PlainTextAuthenticator("u", string.Empty).GetInitialResponse(Context());
        Assert.Equal("00" + "75" + "00", Convert.ToHexString(token!));
    }

    [Fact]
    public void Auth_response_frame_carries_the_token_as_bytes()
    {
        var token = new PlainTextAuthenticator("u", "p").GetInitialResponse(Context());
        using var writer = new CqlBufferWriter();
        new AuthResponseRequest(token).WriteFrame(writer, ProtocolVersion.V4);
        // v4 request header, stream 0, opcode AUTH_RESPONSE 0x0F, body length 8: [bytes] = [int] 4, 00 75 00 70.
        Assert.Equal("040000000F" + "00000008" + "00000004" + "00750070", Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void DseAuthenticator_gets_the_mechanism_first_and_the_credentials_on_PLAIN_START()
    {
        var authenticator = new PlainTextAuthenticator("u", "p");
        var context = Context("com.datastax.bdp.cassandra.auth.DseAuthenticator");
        Assert.Equal("PLAIN"u8.ToArray(), authenticator.GetInitialResponse(context));
        Assert.Equal("00750070", Convert.ToHexString(authenticator.EvaluateChallenge(context, "PLAIN-START"u8.ToArray())!));
    }

    [Fact]
    public void Unknown_challenge_is_refused_with_the_way_out()
    {
        var error = Assert.Throws<CqlAuthenticationException>(
            () => new PlainTextAuthenticator("u", "p").EvaluateChallenge(Context(), [1, 2, 3]));
        Assert.Contains("UseAuthenticator", error.Message);
        Assert.Contains(PasswordAuthenticator, error.Message);
    }
}
