using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The query is syntactically valid but refers to something that does not exist or is not allowed (server error code 0x2200).</summary>
public sealed class CqlInvalidQueryException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlInvalidQueryException(string message)
        : base(CqlErrorCode.Invalid, message)
    {
    }

}
