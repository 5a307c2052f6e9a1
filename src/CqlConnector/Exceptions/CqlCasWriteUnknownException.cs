using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The outcome of a lightweight transaction's write is unknown (server error code 0x1700, protocol v5).</summary>
public sealed class CqlCasWriteUnknownException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlCasWriteUnknownException(string message, ConsistencyLevel consistency, int received, int required)
        : base(CqlErrorCode.CasWriteUnknown, message, consistency, received, required)
    {
    }
}
