using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>
/// The base of the errors in which replicas did not answer as the consistency level required: unavailable, read and
/// write timeouts and failures.
/// </summary>
public abstract class CqlConsistencyException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    protected CqlConsistencyException(CqlErrorCode code, string message, ConsistencyLevel consistency, int received, int required)
        : base(code, message)
    {
        Consistency = consistency;
        Received = received;
        Required = required;
    }

    /// <summary>The consistency level of the request.</summary>
    public ConsistencyLevel Consistency { get; }

    /// <summary>How many replicas answered (or, for unavailable, were alive).</summary>
    public int Received { get; }

    /// <summary>How many replicas the consistency level required.</summary>
    public int Required { get; }
}
