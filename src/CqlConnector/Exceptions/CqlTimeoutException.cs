namespace CqlConnector;

/// <summary>
/// The client gave up waiting for the server's answer to a request (the request timeout elapsed). The request may
/// still have been applied by the server.
/// </summary>
public sealed class CqlTimeoutException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlTimeoutException(string message, TimeSpan timeout)
        : base(message, new TimeoutException(message))
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
