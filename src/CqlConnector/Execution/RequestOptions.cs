using System.Net;

namespace CqlConnector.Execution;

/// <summary>
/// How one request is to be executed (timeout, idempotence, routing) and, once it ran, what happened (the
/// coordinator). Created per execution; the session's request path reads and fills it.
/// </summary>
internal sealed class RequestOptions
{
    public TimeSpan Timeout { get; init; }

    /// <summary>Whether the request may be retried or speculatively re-sent after it may have been applied.</summary>
    public bool IsIdempotent { get; init; }

    /// <summary>The serialized partition key, for token-aware routing (null when unknown).</summary>
    public byte[]? RoutingKey { get; init; }

    /// <summary>The keyspace the request works in, for routing (null when unknown).</summary>
    public string? Keyspace { get; init; }

    /// <summary>The node that answered.</summary>
    public EndPoint? Coordinator { get; set; }

    /// <summary>Every node the request was sent to (or that was tried), in order.</summary>
    public List<CqlHost> HostsTried { get; } = [];

    /// <summary>How many times the retry policy had the request sent again.</summary>
    public int Retries { get; set; }

    /// <summary>How many speculative executions were started.</summary>
    public int SpeculativeExecutions { get; set; }
}
