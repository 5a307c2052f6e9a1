namespace CqlConnector;

/// <summary>
/// The server sent something this client cannot parse. The connection it arrived on is closed, since its framing can
/// no longer be trusted.
/// </summary>
public sealed class CqlProtocolViolationException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlProtocolViolationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
