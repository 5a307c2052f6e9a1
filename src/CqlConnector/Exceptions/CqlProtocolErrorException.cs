using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The server found a protocol violation in a request (server error code 0x000A).</summary>
public sealed class CqlProtocolErrorException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlProtocolErrorException(string message)
        : base(CqlErrorCode.ProtocolError, message)
    {
    }

}
