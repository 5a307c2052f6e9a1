namespace CqlConnector;

/// <summary>
/// What every statement carries besides its CQL: how it is to be executed (consistency, paging, timeout, tracing...).
/// A property left null takes the session's default (from the connection string). Statements are not thread-safe
/// while being configured, but may be executed many times and from many threads once configured.
/// </summary>
public abstract class CqlStatement
{
    private protected CqlStatement()
    {
    }

    /// <summary>The consistency level; null uses the connection string's Consistency.</summary>
    public ConsistencyLevel? Consistency { get; set; }

    /// <summary>The consistency of the Paxos phase of a lightweight transaction (Serial or LocalSerial).</summary>
    public ConsistencyLevel? SerialConsistency { get; set; }

    /// <summary>Rows per page; 0 uses the connection string's Page Size. Ignored by batches.</summary>
    public int PageSize { get; set; }

    /// <summary>
    /// Where to resume: the <see cref="CqlResultSet.PagingState"/> of an earlier execution of the same statement
    /// (same CQL and values), even from another session. Null starts at the first row. Paging states are tied to the
    /// protocol version that produced them.
    /// </summary>
    public byte[]? PagingState { get; set; }

    /// <summary>
    /// Whether running the statement twice has the same effect as running it once. Only idempotent statements are
    /// retried or speculatively re-sent after they may have reached a node. Default: false.
    /// </summary>
    public bool IsIdempotent { get; set; }

    /// <summary>How long to wait for each request of the statement; null uses the connection string's Command Timeout.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The write timestamp to apply (sent as the default timestamp, in microseconds); null lets the node choose.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>
    /// Whether the node should trace the request. The result's <see cref="CqlExecutionInfo.TracingId"/> then names
    /// the trace, and <see cref="CqlExecutionInfo.GetQueryTraceAsync"/> reads it.
    /// </summary>
    public bool Tracing { get; set; }

    /// <summary>A custom payload sent with the request (protocol v4+; a v3 connection refuses it).</summary>
    public IDictionary<string, byte[]?>? CustomPayload { get; set; }

    /// <summary>Sets <see cref="PagingState"/> from its <see cref="CqlPagingState.ToBase64Url"/> form, as handed to a client.</summary>
    /// <exception cref="FormatException">The text is not a Base64Url paging state.</exception>
    public void SetPagingState(string? pagingState) => PagingState = pagingState is null ? null : CqlPagingState.FromBase64Url(pagingState);

    /// <summary>The CQL of the statement, for messages.</summary>
    internal abstract string DescribeQuery();

    /// <summary>Microseconds since the Unix epoch, the unit of CQL write timestamps.</summary>
    internal long? TimestampMicros => Timestamp is { } t ? (t - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond : null;
}
