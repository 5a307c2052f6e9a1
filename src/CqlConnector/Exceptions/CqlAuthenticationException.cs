using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The server refused the credentials (server error code 0x0100). Check the user name and password.</summary>
public sealed class CqlAuthenticationException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlAuthenticationException(string message)
        : base(CqlErrorCode.AuthenticationError, message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    public CqlAuthenticationException(string message, Exception? innerException)
        : base(CqlErrorCode.AuthenticationError, message, innerException)
    {
    }

}
