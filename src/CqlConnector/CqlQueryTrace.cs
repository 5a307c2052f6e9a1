using System.Net;

namespace CqlConnector;

/// <summary>A query trace, as the nodes recorded it in <c>system_traces.sessions</c> and <c>system_traces.events</c>.</summary>
/// <param name="TraceId">The trace (session) id.</param>
/// <param name="Request">The kind of request, e.g. "Execute CQL3 query".</param>
/// <param name="Coordinator">The node that coordinated the request.</param>
/// <param name="StartedAt">When the coordinator received the request.</param>
/// <param name="Duration">How long the coordinator worked on it.</param>
/// <param name="Parameters">The request's parameters (query text, consistency level...).</param>
/// <param name="Events">What each node did, in order.</param>
public sealed record CqlQueryTrace(
    Guid TraceId,
    string? Request,
    IPAddress? Coordinator,
    DateTimeOffset? StartedAt,
    TimeSpan Duration,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<CqlTraceEvent> Events);

/// <summary>One event of a <see cref="CqlQueryTrace"/>.</summary>
/// <param name="Activity">What happened.</param>
/// <param name="Source">The node where it happened.</param>
/// <param name="SourceElapsed">Time since the node received the request.</param>
/// <param name="Thread">The node's thread.</param>
/// <param name="Timestamp">When it happened (from the event's time-based id).</param>
public sealed record CqlTraceEvent(string? Activity, IPAddress? Source, TimeSpan SourceElapsed, string? Thread, DateTimeOffset Timestamp);
