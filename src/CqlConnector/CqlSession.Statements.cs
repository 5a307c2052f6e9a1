using System.Net;
using CqlConnector.Connections;
using CqlConnector.Execution;

namespace CqlConnector;

// The statement API: prepare, execute, page, batch, run concurrently.
public sealed partial class CqlSession
{
    private volatile EndPoint[]? _lastTriedHosts;
    private volatile CqlResultSet? _voidResult;

    /// <summary>
    /// How long a DDL statement waits, after the node answered, for every node to report the same schema version
    /// (see <see cref="CqlExecutionInfo.IsSchemaInAgreement"/>). Default: 10 s. Zero checks once without waiting.
    /// </summary>
    public TimeSpan MaxSchemaAgreementWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Prepares CQL on the cluster; preparing the same text again returns the cached preparation. Bind values to the
    /// result (<see cref="PreparedStatement.Bind(object?[])"/>) for each execution.
    /// </summary>
    public async Task<PreparedStatement> PrepareAsync(string cql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cql);
        var metadata = await PrepareAsync(cql, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        return new PreparedStatement(cql, metadata);
    }

    /// <summary>
    /// Runs a statement (simple, bound or batch) and returns its first page with the execution info. Enumerate the
    /// result set for every row (further pages are requested in the background), and dispose it when done.
    /// A statement with a <see cref="CqlStatement.PagingState"/> resumes where that state points.
    /// </summary>
    public Task<CqlResultSet> ExecuteAsync(CqlStatement statement, CancellationToken cancellationToken = default)
        => StatementExecutor.ExecuteAsync(this, statement, cancellationToken);

    /// <summary>
    /// Runs a statement and hands each page to <paramref name="onPage"/> (valid only during the call), for progress
    /// over large results; the next page is already being requested while <paramref name="onPage"/> runs. Returns the
    /// number of rows seen.
    /// </summary>
    public async Task<long> ExecutePagedAsync(CqlStatement statement, Func<CqlPage, CancellationToken, ValueTask> onPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onPage);
        long rows = 0;
        await using var result = await ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
        await foreach (var page in result.Pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows += page.Count;
            await onPage(page, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>Whether every node reports the same schema version now (system.local against system.peers).</summary>
    public Task<bool> CheckSchemaAgreementAsync(CancellationToken cancellationToken = default) => SchemaAgreement.CheckAsync(this, cancellationToken);

    /// <summary>
    /// Runs statements with at most <paramref name="concurrency"/> in flight and returns one result per statement, in
    /// input order: a result set or the captured exception. The input is read lazily, as requests complete, so it may
    /// be a generated sequence of millions; the results hold two references per statement (bare writes share one
    /// result set), and result sets with rows keep their first page until disposed. For large inputs whose results
    /// are not all needed at once, <see cref="ExecuteConcurrentStreamAsync(IEnumerable{CqlStatement}, int, CqlConcurrentOptions?, CancellationToken)"/>
    /// keeps memory bounded by the concurrency.
    /// </summary>
    public Task<IReadOnlyList<CqlConcurrentResult>> ExecuteConcurrentAsync(
        IEnumerable<CqlStatement> statements, int concurrency = 100, CqlConcurrentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return ConcurrentExecutor.RunInOrderAsync(this, onTaken => StatementSource.From(statements, onTaken), concurrency, options, cancellationToken);
    }

    /// <inheritdoc cref="ExecuteConcurrentAsync(IEnumerable{CqlStatement}, int, CqlConcurrentOptions?, CancellationToken)"/>
    public Task<IReadOnlyList<CqlConcurrentResult>> ExecuteConcurrentAsync(
        IAsyncEnumerable<CqlStatement> statements, int concurrency = 100, CqlConcurrentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return ConcurrentExecutor.RunInOrderAsync(this, onTaken => StatementSource.From(statements, cancellationToken, onTaken), concurrency, options, cancellationToken);
    }

    /// <summary>
    /// Runs one prepared statement once per argument set (<see cref="PreparedStatement.Bind(object?[])"/>), with at
    /// most <paramref name="concurrency"/> in flight; results in input order.
    /// </summary>
    public Task<IReadOnlyList<CqlConcurrentResult>> ExecuteConcurrentAsync(
        PreparedStatement statement, IEnumerable<object?[]> argumentSets, int concurrency = 100, CqlConcurrentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(argumentSets);
        return ExecuteConcurrentAsync(argumentSets.Select(CqlStatement (values) => statement.Bind(values)), concurrency, options, cancellationToken);
    }

    /// <summary>
    /// Runs statements with at most <paramref name="concurrency"/> in flight and yields each result as it completes
    /// (<see cref="CqlConcurrentResult.Index"/> says which statement it is). Memory stays bounded by the concurrency
    /// whatever the input size; when the consumer stops reading, the run stops.
    /// </summary>
    public IAsyncEnumerable<CqlConcurrentResult> ExecuteConcurrentStreamAsync(
        IEnumerable<CqlStatement> statements, int concurrency = 100, CqlConcurrentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return ConcurrentExecutor.StreamAsync(this, () => StatementSource.From(statements), concurrency, options, cancellationToken);
    }

    /// <inheritdoc cref="ExecuteConcurrentStreamAsync(IEnumerable{CqlStatement}, int, CqlConcurrentOptions?, CancellationToken)"/>
    public IAsyncEnumerable<CqlConcurrentResult> ExecuteConcurrentStreamAsync(
        IAsyncEnumerable<CqlStatement> statements, int concurrency = 100, CqlConcurrentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return ConcurrentExecutor.StreamAsync(this, () => StatementSource.From(statements, cancellationToken), concurrency, options, cancellationToken);
    }

    /// <summary>The one-element list of hosts tried, shared while requests keep going to the same node.</summary>
    internal EndPoint[] GetTriedHosts(EndPoint coordinator)
    {
        var last = _lastTriedHosts;
        if (last is not null && ReferenceEquals(last[0], coordinator))
        {
            return last;
        }

        return _lastTriedHosts = [coordinator];
    }

    /// <summary>
    /// The result of a bare write (Void, nothing attached): immutable, so one instance per coordinator serves every
    /// such result. This keeps a concurrent run of a million writes from holding a million result sets.
    /// </summary>
    internal CqlResultSet GetVoidResult(EndPoint coordinator)
    {
        var cached = _voidResult;
        if (cached is not null && ReferenceEquals(cached.Info.Coordinator, coordinator))
        {
            return cached;
        }

        var info = new CqlExecutionInfo(this, coordinator, GetTriedHosts(coordinator), null, null, null);
        return _voidResult = new CqlResultSet(null, CqlPage.Empty(info), shared: true);
    }
}
