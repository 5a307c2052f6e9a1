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

    private CqlHost? _firstHostTried;
    private List<CqlHost>? _moreHostsTried;

    /// <summary>How many nodes the request was sent to (or tried).</summary>
    public int HostsTriedCount => _firstHostTried is null ? 0 : 1 + (_moreHostsTried?.Count ?? 0);

    /// <summary>Every node the request was sent to (or that was tried), in order. Allocates: read it only when needed.</summary>
    public IReadOnlyList<CqlHost> HostsTried => _firstHostTried is null ? [] : [_firstHostTried, .. _moreHostsTried ?? []];

    /// <summary>The node tried last.</summary>
    public CqlHost? LastHostTried => _moreHostsTried is { Count: > 0 } more ? more[^1] : _firstHostTried;

    // The first node is kept in a field: almost every request is answered by it, and needs no list.
    public void AddHostTried(CqlHost host)
    {
        if (_firstHostTried is null)
        {
            _firstHostTried = host;
        }
        else
        {
            (_moreHostsTried ??= []).Add(host);
        }
    }

    public void RemoveLastHostTried()
    {
        if (_moreHostsTried is { Count: > 0 } more)
        {
            more.RemoveAt(more.Count - 1);
        }
        else
        {
            _firstHostTried = null;
        }
    }

    /// <summary>How many times the retry policy had the request sent again.</summary>
    public int Retries { get; set; }

    /// <summary>How many speculative executions were started.</summary>
    public int SpeculativeExecutions { get; set; }
}
