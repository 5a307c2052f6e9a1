using System.Text;

namespace CqlConnector;

/// <summary>
/// User name and password by SASL PLAIN (RFC 4616): what Cassandra's <c>PasswordAuthenticator</c> expects, and what
/// the connection string's <c>Username</c> and <c>Password</c> use. DataStax Enterprise's <c>DseAuthenticator</c>,
/// which first asks for the mechanism, is answered too.
/// </summary>
public sealed class PlainTextAuthenticator : ICqlAuthenticator
{
    /// <summary>The authenticator class of DataStax Enterprise, which negotiates the SASL mechanism first.</summary>
    private const string DseAuthenticator = "com.datastax.bdp.cassandra.auth.DseAuthenticator";

    private static readonly byte[] PlainMechanism = "PLAIN"u8.ToArray();
    private static readonly byte[] PlainStart = "PLAIN-START"u8.ToArray();

    private readonly byte[] _token;

    /// <summary>Creates the authenticator for one user.</summary>
    public PlainTextAuthenticator(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;

        // authzid (empty), NUL, authcid, NUL, password — all UTF-8.
        _token = new byte[2 + Encoding.UTF8.GetByteCount(username) + Encoding.UTF8.GetByteCount(password)];
        var written = 1 + Encoding.UTF8.GetBytes(username, _token.AsSpan(1));
        Encoding.UTF8.GetBytes(password, _token.AsSpan(written + 1));
    }

    /// <summary>The user name sent to the node.</summary>
    public string Username { get; }

    /// <inheritdoc />
    public byte[]? GetInitialResponse(CqlAuthenticationContext context)
        => context.AuthenticatorClass == DseAuthenticator ? PlainMechanism : _token;

    /// <inheritdoc />
    public byte[]? EvaluateChallenge(CqlAuthenticationContext context, byte[]? challenge)
    {
        if (challenge is not null && challenge.AsSpan().SequenceEqual(PlainStart))
        {
            return _token;
        }

        throw new CqlAuthenticationException(
            $"The node {context.EndPoint} ({context.AuthenticatorClass}) sent a SASL challenge that user name and password "
            + "authentication does not know. Use an authenticator for that mechanism (CqlDataSourceBuilder.UseAuthenticator).");
    }
}
