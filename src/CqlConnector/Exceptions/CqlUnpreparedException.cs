using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>
/// The coordinator does not know a prepared statement id (server error code 0x2500), e.g. after a restart or a
/// schema change. The statement must be prepared again.
/// </summary>
public sealed class CqlUnpreparedException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlUnpreparedException(string message, byte[] statementId)
        : base(CqlErrorCode.Unprepared, message)
    {
        StatementId = statementId;
    }

    /// <summary>The id the server does not know.</summary>
    public byte[] StatementId { get; }
}
