using System.Net;

namespace CqlConnector;

/// <summary>One connection's authentication exchange, handed to every <see cref="ICqlAuthenticator"/> call of it.</summary>
public sealed class CqlAuthenticationContext
{
    internal CqlAuthenticationContext(EndPoint endPoint, string authenticatorClass)
    {
        EndPoint = endPoint;
        AuthenticatorClass = authenticatorClass;
    }

    /// <summary>The node being authenticated with.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>The authenticator class the node named in AUTHENTICATE, e.g. <c>org.apache.cassandra.auth.PasswordAuthenticator</c>.</summary>
    public string AuthenticatorClass { get; }

    /// <summary>Free for the authenticator: state of a multi-step exchange, kept for this connection only.</summary>
    public object? State { get; set; }
}
