using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>Fewer replicas were alive than the consistency level required (server error code 0x1000).</summary>
public sealed class CqlUnavailableException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlUnavailableException(string message, ConsistencyLevel consistency, int required, int alive)
        : base(CqlErrorCode.Unavailable, message, consistency, alive, required)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
