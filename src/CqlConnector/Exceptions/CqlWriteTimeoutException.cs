using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>
/// Replicas did not acknowledge a write in time on the server side (server error code 0x1100). The write may or may
/// not have been applied.
/// </summary>
public sealed class CqlWriteTimeoutException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlWriteTimeoutException(string message, ConsistencyLevel consistency, int received, int required, string writeType)
        : base(CqlErrorCode.WriteTimeout, message, consistency, received, required)
    {
        WriteType = writeType;
    }

    /// <summary>The kind of write: SIMPLE, BATCH, BATCH_LOG, UNLOGGED_BATCH, COUNTER, CAS, VIEW, CDC.</summary>
    public string WriteType { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
