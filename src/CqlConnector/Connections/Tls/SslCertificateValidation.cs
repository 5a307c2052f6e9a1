namespace CqlConnector;

/// <summary>How a node's TLS certificate is checked (the connection string's <c>SSL Certificate Validation</c>).</summary>
public enum SslCertificateValidation
{
    /// <summary>
    /// The certificate must chain to a trusted root (the <c>SSL Root Certificate</c> file, else the system's trust
    /// store) and name the host connected to (<c>SSL Target Host</c>, else the contact point). The default.
    /// </summary>
    Full,

    /// <summary>
    /// The certificate must chain to a trusted root; its host names are not checked. For nodes whose certificates do
    /// not carry the address clients use (as Npgsql's <c>VerifyCA</c>).
    /// </summary>
    CA,

    /// <summary>Any certificate is accepted: the traffic is encrypted but the node is not authenticated. Development only.</summary>
    None,
}
