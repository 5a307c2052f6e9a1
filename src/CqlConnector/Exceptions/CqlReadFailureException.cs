using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>A replica failed while serving a read (server error code 0x1300, protocol v4+).</summary>
public sealed class CqlReadFailureException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlReadFailureException(string message, ConsistencyLevel consistency, int received, int required, int failures, bool dataPresent)
        : base(CqlErrorCode.ReadFailure, message, consistency, received, required)
    {
        Failures = failures;
        DataPresent = dataPresent;
    }

    /// <summary>How many replicas failed.</summary>
    public int Failures { get; }

    /// <summary>Whether the replica asked for data answered.</summary>
    public bool DataPresent { get; }
}
