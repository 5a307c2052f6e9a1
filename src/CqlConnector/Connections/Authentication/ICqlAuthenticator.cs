namespace CqlConnector;

/// <summary>
/// Answers a node's SASL authentication when it asks for it (the AUTHENTICATE response to STARTUP). The node names its
/// authenticator class; the client sends an initial token, the node may send challenges to evaluate, and ends with
/// AUTH_SUCCESS or an AUTHENTICATION error. One instance serves every connection of a data source, concurrently: keep
/// per-connection state in <see cref="CqlAuthenticationContext.State"/>, not in fields.
/// </summary>
/// <remarks>
/// The methods are synchronous because SASL steps are computations on tokens, not I/O; they run on the thread that
/// opens the connection. Throw <see cref="CqlAuthenticationException"/> to abandon the exchange.
/// </remarks>
public interface ICqlAuthenticator
{
    /// <summary>
    /// The first token to send (AUTH_RESPONSE) to the node whose authenticator is
    /// <see cref="CqlAuthenticationContext.AuthenticatorClass"/>, e.g. <c>org.apache.cassandra.auth.PasswordAuthenticator</c>.
    /// </summary>
    byte[]? GetInitialResponse(CqlAuthenticationContext context);

    /// <summary>The answer to the node's AUTH_CHALLENGE token (which may be null).</summary>
    byte[]? EvaluateChallenge(CqlAuthenticationContext context, byte[]? challenge);

    /// <summary>Called when the node accepted the exchange (AUTH_SUCCESS), with its final token if it sent one.</summary>
    void OnAuthenticationSuccess(CqlAuthenticationContext context, byte[]? token)
    {
    }
}
