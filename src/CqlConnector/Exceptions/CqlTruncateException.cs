using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>A TRUNCATE failed on the server (server error code 0x1003).</summary>
public sealed class CqlTruncateException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlTruncateException(string message)
        : base(CqlErrorCode.TruncateError, message)
    {
    }

}
