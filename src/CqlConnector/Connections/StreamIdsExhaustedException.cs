namespace CqlConnector.Connections;

/// <summary>
/// A connection had no free stream id when a request was about to be sent (another request took the last one after
/// the pool chose this connection). Nothing was sent; the request handler goes back to the pool's queue.
/// </summary>
internal sealed class StreamIdsExhaustedException(string message) : CqlException(message);
