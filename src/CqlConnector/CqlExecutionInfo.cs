using System.Net;
using CqlConnector.Execution;
using CqlConnector.Protocol.Responses;

namespace CqlConnector;

/// <summary>
/// How a request ran: the node that coordinated it, the nodes tried, what the node attached to its answer (warnings,
/// custom payload, trace id) and, after DDL, whether the cluster agreed on the new schema.
/// </summary>
public sealed class CqlExecutionInfo
{
    private static readonly IReadOnlyDictionary<string, byte[]?> NoPayload = new Dictionary<string, byte[]?>();
    private readonly CqlSession? _session;

    internal CqlExecutionInfo(
        CqlSession? session,
        EndPoint? coordinator,
        IReadOnlyList<EndPoint> triedHosts,
        Guid? tracingId,
        IReadOnlyList<string>? warnings,
        IReadOnlyDictionary<string, byte[]?>? incomingPayload)
    {
        _session = session;
        Coordinator = coordinator;
        TriedHosts = triedHosts;
        TracingId = tracingId;
        Warnings = warnings ?? [];
        IncomingPayload = incomingPayload ?? NoPayload;
    }

    /// <summary>The node that answered.</summary>
    public EndPoint? Coordinator { get; }

    /// <summary>Every node the request was sent to, in order, the coordinator last.</summary>
    public IReadOnlyList<EndPoint> TriedHosts { get; }

    /// <summary>The trace id, when the statement asked for <see cref="CqlStatement.Tracing"/>.</summary>
    public Guid? TracingId { get; }

    /// <summary>Warnings the node attached to its answer (protocol v4+; e.g. a batch too large, too many tombstones).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The custom payload the node attached to its answer (protocol v4+; empty when none).</summary>
    public IReadOnlyDictionary<string, byte[]?> IncomingPayload { get; }

    /// <summary>The schema change the statement made (DDL), or null.</summary>
    public SchemaChange? SchemaChange { get; internal init; }

    /// <summary>
    /// After DDL: whether every node reported the same schema version within
    /// <see cref="CqlSession.MaxSchemaAgreementWait"/>; true for statements that change no schema. When false, the
    /// change has not reached every node yet: wait (<see cref="CqlSession.CheckSchemaAgreementAsync"/>) before using it.
    /// </summary>
    public bool IsSchemaInAgreement { get; internal init; } = true;

    /// <summary>
    /// Reads the trace of the request from <c>system_traces</c>. The node writes traces asynchronously, so this
    /// retries with growing delays until the trace is complete or <paramref name="maxWait"/> (default 2 s) passes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The statement was not traced.</exception>
    /// <exception cref="TimeoutException">The trace was not complete within <paramref name="maxWait"/>.</exception>
    public Task<CqlQueryTrace> GetQueryTraceAsync(TimeSpan? maxWait = null, CancellationToken cancellationToken = default)
    {
        if (TracingId is not { } id || _session is null)
        {
            throw new InvalidOperationException("The request was not traced. Set Tracing = true on the statement to trace it.");
        }

        return QueryTraceReader.ReadAsync(_session, id, maxWait ?? TimeSpan.FromSeconds(2), cancellationToken);
    }
}
