using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CqlConnector.Execution;

/// <summary>
/// Runs many statements with at most <c>concurrency</c> requests in flight: that many workers each take the next
/// statement from the (lazy) input, run it, record the outcome and take the next, so the input is read no faster than
/// requests complete and memory is bounded by the concurrency, not the input size.
/// </summary>
internal static class ConcurrentExecutor
{
    /// <summary>Results in input order (O(N) entries by nature; each small).</summary>
    public static async Task<IReadOnlyList<CqlConcurrentResult>> RunInOrderAsync(
        CqlSession session, Func<Action<long>, StatementSource> createSource, int concurrency, CqlConcurrentOptions? options, CancellationToken cancellationToken)
    {
        CheckConcurrency(concurrency);
        var results = new ConcurrentResultList();
        await using var source = createSource(results.Reserve);
        var workers = StartWorkers(concurrency, source, () => WorkAsync(session, source, options?.StopOnError == true, results, null, cancellationToken));
        await WhenAllAsync(workers, source).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    /// <summary>Results as they complete, through a channel bounded by the concurrency: O(concurrency) memory.</summary>
    public static async IAsyncEnumerable<CqlConcurrentResult> StreamAsync(
        CqlSession session, Func<StatementSource> createSource, int concurrency, CqlConcurrentOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CheckConcurrency(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<CqlConcurrentResult>(new BoundedChannelOptions(concurrency)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var run = ProduceAsync(session, createSource, concurrency, options?.StopOnError == true, channel.Writer, stop.Token);
        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            // The consumer stopped early (or everything was read): stop the workers and let them finish.
            stop.Cancel();
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task ProduceAsync(
        CqlSession session, Func<StatementSource> createSource, int concurrency, bool stopOnError, ChannelWriter<CqlConcurrentResult> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await using var source = createSource();
            var workers = StartWorkers(concurrency, source, () => WorkAsync(session, source, stopOnError, null, writer, cancellationToken));
            await WhenAllAsync(workers, source).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }

    /// <summary>
    /// Starts up to <paramref name="concurrency"/> workers, but no more than the input has statements: each runs on the
    /// caller's thread until its first request is sent, so the loop learns that the input is exhausted when a worker
    /// found nothing to take. A SaveChanges of one entity then starts two workers, not 128 (each a task and a
    /// thread-pool hop).
    /// </summary>
    private static Task[] StartWorkers(int concurrency, StatementSource source, Func<Task> startWorker)
    {
        var workers = new List<Task>(Math.Min(concurrency, 16));
        while (workers.Count < concurrency && !source.IsExhausted)
        {
            workers.Add(startWorker());
        }

        return [.. workers];
    }

    private static async Task WorkAsync(
        CqlSession session, StatementSource source, bool stopOnError, ConcurrentResultList? results, ChannelWriter<CqlConcurrentResult>? writer,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            (CqlStatement Statement, long Index)? next;
            try
            {
                next = await source.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The input itself failed (its enumerator threw): the other workers stop too.
                source.Stop();
                throw;
            }

            if (next is not var (statement, index))
            {
                return;
            }

            CqlResultSet? result = null;
            Exception? exception = null;
            try
            {
                result = await StatementExecutor.ExecuteAsync(session, statement, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                exception = ex;
                if (stopOnError || cancellationToken.IsCancellationRequested)
                {
                    source.Stop();
                }
            }

            if (results is not null)
            {
                results.Set(index, result, exception);
            }
            else
            {
                await writer!.WriteAsync(new CqlConcurrentResult(index, result, exception), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for every worker; a failure of the input itself (its enumerator threw) is rethrown.</summary>
    private static async Task WhenAllAsync(Task[] workers, StatementSource source)
    {
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch
        {
            source.Stop();
            var failures = workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!).ToArray();
            if (failures.Length > 0)
            {
                ExceptionDispatchInfo.Throw(failures[0]);
            }

            throw;
        }
    }

    private static void CheckConcurrency(int concurrency)
    {
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "The concurrency must be at least 1 (the number of requests in flight at a time).");
        }
    }
}
