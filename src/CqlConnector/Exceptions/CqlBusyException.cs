using System.Net;

namespace CqlConnector;

/// <summary>
/// Every connection to a node had its maximum of requests in flight and the queue of waiting requests was full:
/// the client is sending faster than the node answers. Lower the concurrency, or raise 'Connections Per Host',
/// 'Max Requests Per Connection' or 'Max Queue Size'.
/// </summary>
public sealed class CqlBusyException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlBusyException(string message, EndPoint endPoint)
        : base(message)
    {
        EndPoint = endPoint;
    }

    /// <summary>The node whose connections were saturated.</summary>
    public EndPoint EndPoint { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
