using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>A replica failed while applying a write (server error code 0x1500, protocol v4+).</summary>
public sealed class CqlWriteFailureException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlWriteFailureException(string message, ConsistencyLevel consistency, int received, int required, int failures, string writeType)
        : base(CqlErrorCode.WriteFailure, message, consistency, received, required)
    {
        Failures = failures;
        WriteType = writeType;
    }

    /// <summary>How many replicas failed.</summary>
    public int Failures { get; }

    /// <summary>The kind of write.</summary>
    public string WriteType { get; }
}
