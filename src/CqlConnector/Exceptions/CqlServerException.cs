using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>
/// The server answered a request with an ERROR response. Subclasses carry the details of each error code; this class
/// itself stands for <see cref="CqlErrorCode.ServerError"/> and codes this client does not know.
/// </summary>
public class CqlServerException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlServerException(CqlErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    public CqlServerException(CqlErrorCode code, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The protocol's error code.</summary>
    public CqlErrorCode Code { get; }

    /// <summary>The node that answered, when known.</summary>
    public System.Net.EndPoint? Coordinator { get; internal set; }
}
