namespace CqlConnector.Execution;

/// <summary>
/// Hands out the statements of a concurrent run one at a time, with their input positions, to workers that ask
/// concurrently. The input is read lazily, one statement per request started, so it may be a sequence of millions.
/// </summary>
internal abstract class StatementSource : IAsyncDisposable
{
    private volatile bool _stopped;
    private volatile bool _done;

    /// <summary>Statements handed out so far.</summary>
    public long Taken { get; protected set; }

    /// <summary>Called with each position handed out, before the statement runs, in order.</summary>
    public Action<long>? OnTaken { get; init; }

    public bool IsStopped => _stopped;

    /// <summary>Whether no statement is left to take: the input ended, or the run stopped.</summary>
    public bool IsExhausted => _stopped || Done;

    /// <summary>Set once the input's enumerator reported its end (read without the workers' lock).</summary>
    protected bool Done
    {
        get => _done;
        set => _done = value;
    }

    /// <summary>Stops handing out statements (stop on error, cancellation).</summary>
    public void Stop() => _stopped = true;

    /// <summary>The next statement and its position, or null when the input is exhausted or the run stopped.</summary>
    public abstract ValueTask<(CqlStatement Statement, long Index)?> TakeAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public static StatementSource From(IEnumerable<CqlStatement> statements, Action<long>? onTaken = null)
        => new Synchronous(statements.GetEnumerator()) { OnTaken = onTaken };

    public static StatementSource From(IAsyncEnumerable<CqlStatement> statements, CancellationToken cancellationToken, Action<long>? onTaken = null)
        => new Asynchronous(statements.GetAsyncEnumerator(cancellationToken)) { OnTaken = onTaken };

    private static CqlStatement Check(CqlStatement? statement, long index)
        => statement ?? throw new ArgumentException($"The statement at position {index} of the input is null.");

    private sealed class Synchronous(IEnumerator<CqlStatement> enumerator) : StatementSource
    {
        private readonly Lock _lock = new();

        public override ValueTask<(CqlStatement Statement, long Index)?> TakeAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (Done || IsStopped || cancellationToken.IsCancellationRequested)
                {
                    return default;
                }

                if (!enumerator.MoveNext())
                {
                    Done = true;
                    return default;
                }

                var index = Taken++;
                var statement = Check(enumerator.Current, index);
                OnTaken?.Invoke(index);
                return new((statement, index));
            }
        }

        public override ValueTask DisposeAsync()
        {
            enumerator.Dispose();
            return default;
        }
    }

    private sealed class Asynchronous(IAsyncEnumerator<CqlStatement> enumerator) : StatementSource
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public override async ValueTask<(CqlStatement Statement, long Index)?> TakeAsync(CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Done || IsStopped)
                {
                    return null;
                }

                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    Done = true;
                    return null;
                }

                var index = Taken++;
                var statement = Check(enumerator.Current, index);
                OnTaken?.Invoke(index);
                return (statement, index);
            }
            finally
            {
                _lock.Release();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            _lock.Dispose();
        }
    }
}
