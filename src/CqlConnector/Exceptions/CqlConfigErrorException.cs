using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The query is invalid because of the server's configuration (server error code 0x2300).</summary>
public sealed class CqlConfigErrorException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlConfigErrorException(string message)
        : base(CqlErrorCode.ConfigError, message)
    {
    }

}
