using System.Net;

namespace CqlConnector;

/// <summary>No connection to a Cassandra node could be opened, or an open one broke.</summary>
public sealed class CqlConnectionException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlConnectionException(string message, EndPoint? endPoint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        EndPoint = endPoint;
    }

    /// <summary>The node's address, when one was involved.</summary>
    public EndPoint? EndPoint { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;

    /// <summary>True when the request never left the client, so sending it elsewhere cannot apply it twice.</summary>
    internal bool RequestNotSent { get; init; }
}
