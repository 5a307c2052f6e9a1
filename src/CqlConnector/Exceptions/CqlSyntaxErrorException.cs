using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The CQL text does not parse (server error code 0x2000).</summary>
public sealed class CqlSyntaxErrorException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlSyntaxErrorException(string message)
        : base(CqlErrorCode.SyntaxError, message)
    {
    }

}
