using System.Runtime.CompilerServices;
using CqlConnector.Execution;

namespace CqlConnector;

/// <summary>
/// The result of a statement: its current page of rows, the paging state of the next page, and how the request ran.
/// It is a forward-only cursor over the pages: enumerate the rows (<c>await foreach (var row in resultSet)</c>) or the
/// pages (<c>await foreach (var page in resultSet.Pages)</c>) once. Enumerating requests the next page in the
/// background as soon as a page's first row or the page itself is handed out, so a
/// consumer rarely waits for a page and no thread ever blocks on one. At most two pages are held at a time.
/// Rows are views into their page's buffer, valid until the cursor moves past that page or the result set is
/// disposed (see <see cref="CqlRow.Detach"/>). Dispose the result set when done to return its buffers to the pool.
/// </summary>
public sealed class CqlResultSet : IAsyncEnumerable<CqlRow>, IDisposable, IAsyncDisposable
{
    private readonly StatementRunner? _runner;
    private readonly bool _shared;
    private CqlPage _page;
    private Task<CqlPage>? _next;
    private CancellationTokenSource? _prefetchCancellation;
    private bool _disposed;

    internal CqlResultSet(StatementRunner? runner, CqlPage page, bool shared = false)
    {
        _runner = runner;
        _page = page;
        _shared = shared;
    }

    /// <summary>The current page: its rows, paging state and execution info.</summary>
    public CqlPage CurrentPage
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _page;
        }
    }

    /// <summary>The columns of the rows (empty for a statement that returns no rows).</summary>
    public IReadOnlyList<CqlColumnDefinition> Columns => CurrentPage.Columns;

    /// <summary>
    /// The paging state of the page after the current one (opaque bytes, safe to hand to a client: they only say
    /// where the next page starts), or null on the last page. Set it on a new execution of the same statement, even
    /// in another session, to resume there.
    /// </summary>
    public byte[]? PagingState => CurrentPage.PagingState;

    /// <summary><see cref="PagingState"/> as Base64Url text (for URLs and JSON), or null on the last page.</summary>
    public string? PagingStateText => PagingState is { } state ? CqlPagingState.ToBase64Url(state) : null;

    /// <summary>Whether a page follows the current one.</summary>
    public bool HasMorePages => CurrentPage.HasMorePages;

    /// <summary>How the request for the current page ran.</summary>
    public CqlExecutionInfo Info => CurrentPage.Info;

    /// <summary>Whether the next page has been requested in the background.</summary>
    internal bool IsNextPageRequested => _next is not null;

    /// <summary>The pages, from the current one on; the next page is requested as soon as one is handed out.</summary>
    public IAsyncEnumerable<CqlPage> Pages => EnumeratePagesAsync();

    /// <summary>
    /// Moves to the next page (releasing the current one and its rows); false, without moving, on the last page.
    /// </summary>
    public async ValueTask<bool> FetchNextPageAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_page.HasMorePages)
        {
            return false;
        }

        StartPrefetch();
        var next = await _next!.WaitAsync(cancellationToken).ConfigureAwait(false);
        _next = null;
        _page.Release();
        _page = next;
        return true;
    }

    /// <summary>Reads the rows, from the current page on, requesting each next page when the first row of a page is read.</summary>
    public IAsyncEnumerator<CqlRow> GetAsyncEnumerator(CancellationToken cancellationToken = default) => EnumerateRowsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<CqlRow> EnumerateRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = CurrentPage;
            for (var i = 0; i < page.Count; i++)
            {
                if (i == 0)
                {
                    StartPrefetch();
                }

                yield return page[i];
            }

            if (!await FetchNextPageAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<CqlPage> EnumeratePagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            StartPrefetch();
            yield return CurrentPage;
            if (!await FetchNextPageAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    /// <summary>Requests the next page unless it is requested already or there is none.</summary>
    private void StartPrefetch()
    {
        if (_next is not null || _page.PagingState is not { } state || _runner is null)
        {
            return;
        }

        // Owned by the result set, not by one consumer's token: Dispose cancels a page nobody will read.
        _prefetchCancellation ??= new CancellationTokenSource();
        _next = ResultReader.ReadNextPageAsync(_runner, state, _page, _prefetchCancellation.Token);
    }

    /// <summary>Releases the current page and abandons a page requested in the background.</summary>
    public void Dispose()
    {
        if (_disposed || _shared)
        {
            return;
        }

        _disposed = true;
        _page.Release();
        if (_next is { } pending)
        {
            _next = null;
            _prefetchCancellation?.Cancel();
            _ = pending.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Release();
                }
                else
                {
                    _ = t.Exception;
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        _prefetchCancellation?.Dispose();
    }

    /// <inheritdoc cref="Dispose" />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
