using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The logged-in user lacks the permission the query needs (server error code 0x2100).</summary>
public sealed class CqlUnauthorizedException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlUnauthorizedException(string message)
        : base(CqlErrorCode.Unauthorized, message)
    {
    }

}
