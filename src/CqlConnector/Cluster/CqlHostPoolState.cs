namespace CqlConnector;

/// <summary>A snapshot of the connection pool of one node.</summary>
/// <param name="Host">The node.</param>
/// <param name="OpenConnections">Connections currently open.</param>
/// <param name="InFlightRequests">Requests sent on them and not yet answered.</param>
/// <param name="QueuedRequests">Requests waiting for a free stream id.</param>
/// <param name="IsReconnecting">Whether the pool is opening connections in the background.</param>
public sealed record CqlHostPoolState(CqlHost Host, int OpenConnections, int InFlightRequests, int QueuedRequests, bool IsReconnecting);
