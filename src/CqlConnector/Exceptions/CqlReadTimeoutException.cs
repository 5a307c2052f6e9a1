using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>Replicas did not answer a read in time on the server side (server error code 0x1200).</summary>
public sealed class CqlReadTimeoutException : CqlConsistencyException
{
    /// <summary>Creates the exception.</summary>
    public CqlReadTimeoutException(string message, ConsistencyLevel consistency, int received, int required, bool dataPresent)
        : base(CqlErrorCode.ReadTimeout, message, consistency, received, required)
    {
        DataPresent = dataPresent;
    }

    /// <summary>Whether the replica asked for data (not just a digest) answered.</summary>
    public bool DataPresent { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
