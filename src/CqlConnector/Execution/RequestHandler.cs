using System.Runtime.CompilerServices;
using System.Net;
using CqlConnector.Connections;
using CqlConnector.Pooling;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;

namespace CqlConnector.Execution;

/// <summary>
/// Runs one request over the load-balancing policy's query plan: a node whose pool has no open connection is
/// skipped (the request was never sent, so this is always safe), a failure is put to the retry policy, and an
/// idempotent request may be sent speculatively to the next node while the first is slow (the first answer wins).
/// </summary>
internal sealed class RequestHandler
{
    // One handler per thread is kept for reuse by requests that are not sent speculatively: such a request's
    // handler is touched only by its single execution, so it is free once that execution has returned. A speculative
    // request's handler is shared by executions that outlive the winner, and is never reused.
    [ThreadStatic]
    private static RequestHandler? _cached;

    private CqlSession _session;
    private CqlRequest _request;
    private RequestOptions _options;
    private IEnumerator<CqlHost> _plan;
    private Dictionary<EndPoint, Exception>? _errors;
    private int _coordinatorSet;

    private RequestHandler(CqlSession session, CqlRequest request, RequestOptions options)
    {
        _session = session;
        _request = request;
        _options = options;
        _plan = session.Settings.LoadBalancingPolicy.NewQueryPlan(options.Keyspace, options.RoutingKey).GetEnumerator();
    }

    public static ValueTask<ResponseFrame> ExecuteAsync(CqlSession session, CqlRequest request, RequestOptions options, IOBehavior io, CancellationToken cancellationToken)
        => options.IsIdempotent && io == IOBehavior.Asynchronous && session.Settings.SpeculativeExecutionPolicy.NextExecutionDelay(1) is not null
            ? new RequestHandler(session, request, options).ExecuteSpeculativelyAsync(cancellationToken)
            : RunOnceAsync(session, request, options, io, cancellationToken);

    /// <summary>A single execution with a handler of this thread's cache, given back once the execution has returned.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ResponseFrame> RunOnceAsync(CqlSession session, CqlRequest request, RequestOptions options, IOBehavior io, CancellationToken cancellationToken)
    {
        var handler = Rent(session, request, options);
        try
        {
            return await handler.RunExecutionAsync(io, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Return(handler);
        }
    }

    /// <summary>A handler for one request: this thread's cached one when there is one, set up as if new.</summary>
    internal static RequestHandler Rent(CqlSession session, CqlRequest request, RequestOptions options)
    {
        var handler = _cached;
        if (handler is null)
        {
            return new RequestHandler(session, request, options);
        }

        _cached = null;
        handler._session = session;
        handler._request = request;
        handler._options = options;
        handler._plan = session.Settings.LoadBalancingPolicy.NewQueryPlan(options.Keyspace, options.RoutingKey).GetEnumerator();
        return handler;
    }

    /// <summary>Gives back a handler whose (only) execution has returned; it keeps no reference to that request.</summary>
    internal static void Return(RequestHandler handler)
    {
        handler._plan.Dispose();
        handler._plan = EmptyPlan;
        handler._session = null!;
        handler._request = null!;
        handler._options = null!;
        handler._errors = null;
        handler._coordinatorSet = 0;
        _cached = handler;
    }

    private static readonly IEnumerator<CqlHost> EmptyPlan = Enumerable.Empty<CqlHost>().GetEnumerator();

    /// <summary>Whether the handler holds nothing of a previous request (for tests).</summary>
    internal bool IsClean => _session is null && _request is null && _options is null && _errors is null && _coordinatorSet == 0 && ReferenceEquals(_plan, EmptyPlan);

    private string OperationName => _request switch
    {
        QueryRequest query => Diagnostics.CqlDiagnostics.GetOperationName(query.Query),
        _ => _request.Opcode.ToString().ToUpperInvariant(),
    };

    private CqlHost? NextHost()
    {
        lock (_plan)
        {
            return _plan.MoveNext() ? _plan.Current : null;
        }
    }

    /// <summary>One execution: tries nodes of the shared plan in turn until one answers or the retry policy gives up.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseFrame> RunExecutionAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var retryPolicy = _session.Settings.RetryPolicy;
        var retryCount = 0;
        var host = NextHost();

        // The end of the wait for a stream id on waitHost: kept when the request comes back after losing the stream id
        // to another request, so that being beaten again and again never stretches the bounded wait.
        CqlHost? waitHost = null;
        var waitDeadline = 0L;
        while (host is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_options)
            {
                _options.AddHostTried(host);
            }

            CqlPhysicalConnection connection;
            HostConnectionPool? pool = null;
            try
            {
                pool = _session.GetPool(host) ?? throw new CqlConnectionException($"The session keeps no connections to {host.EndPoint}.", host.EndPoint);
                if (!ReferenceEquals(waitHost, host))
                {
                    waitHost = host;
                    waitDeadline = HostConnectionPool.DeadlineAfter(_options.Timeout);
                }

                connection = await pool.AcquireAsync(io, _options.Timeout, waitDeadline, cancellationToken).ConfigureAwait(false);
            }
            catch (CqlException ex)
            {
                // Nothing was sent (no connection, saturated queue, queue timeout): the next node is always safe.
                Record(host, ex);
                host = NextHost();
                continue;
            }

            RetryDecision decision;
            try
            {
                var frame = await connection.SendAsync(_request, _options.Timeout, io, cancellationToken).ConfigureAwait(false);
                if (Interlocked.CompareExchange(ref _coordinatorSet, 1, 0) == 0)
                {
                    // The first execution to succeed is the one reported (a speculative loser may succeed later).
                    _options.Coordinator = host.EndPoint;
                    _options.Retries = retryCount;
                }

                return frame;
            }
            catch (StreamIdsExhaustedException)
            {
                if (waitDeadline != long.MaxValue && Environment.TickCount64 >= waitDeadline)
                {
                    // Beaten until the wait ran out: nothing was sent, so the next node is safe.
                    Record(host, pool.QueueTimeout(_options.Timeout));
                    host = NextHost();
                    continue;
                }

                // Another request took the connection's last stream id first: back to the pool's queue, same node, same deadline.
                lock (_options)
                {
                    _options.RemoveLastHostTried();
                }

                continue;
            }
            catch (CqlConnectionException ex) when (ex.RequestNotSent)
            {
                Record(host, ex);
                host = NextHost();
                continue;
            }
            catch (CqlBootstrappingException ex)
            {
                // A bootstrapping coordinator executed nothing: the next node is always safe.
                Record(host, ex);
                host = NextHost();
                continue;
            }
            catch (CqlReadTimeoutException ex)
            {
                decision = retryPolicy.OnReadTimeout(ex, _options.IsIdempotent, retryCount);
                Record(host, ex);
            }
            catch (CqlWriteTimeoutException ex)
            {
                decision = retryPolicy.OnWriteTimeout(ex, _options.IsIdempotent, retryCount);
                Record(host, ex);
            }
            catch (CqlUnavailableException ex)
            {
                decision = retryPolicy.OnUnavailable(ex, _options.IsIdempotent, retryCount);
                Record(host, ex);
            }
            catch (CqlException ex) when (ex is CqlConnectionException or CqlTimeoutException or CqlOverloadedException or CqlTruncateException
                                          || (ex is CqlServerException server && server.Code == Protocol.CqlErrorCode.ServerError))
            {
                decision = retryPolicy.OnRequestError(ex, _options.IsIdempotent, retryCount);
                Record(host, ex);
            }

            switch (decision)
            {
                case RetryDecision.RetrySameHost:
                    retryCount++;
                    waitHost = null; // a new attempt: a wait of its own
                    Diagnostics.CqlDiagnostics.RecordRetry(OperationName, decision.ToString(), retryCount, LastError(host), _session.Logger);
                    lock (_options)
                    {
                        _options.RemoveLastHostTried();
                    }

                    continue;
                case RetryDecision.RetryNextHost:
                    retryCount++;
                    Diagnostics.CqlDiagnostics.RecordRetry(OperationName, decision.ToString(), retryCount, LastError(host), _session.Logger);
                    host = NextHost();
                    continue;
                default:
                    lock (this)
                    {
                        throw _errors![host.EndPoint];
                    }
            }
        }

        var errors = Snapshot();
        if (errors.Count == 1)
        {
            // One node tried: its own error says more than "no host available" (e.g. CqlBusyException, refused connection).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(errors.Values.First());
        }

        throw new CqlNoHostAvailableException(errors);
    }

    private async ValueTask<ResponseFrame> ExecuteSpeculativelyAsync(CancellationToken cancellationToken)
    {
        using var losers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task<ResponseFrame>> { RunExecutionAsync(IOBehavior.Asynchronous, losers.Token).AsTask() };
        Exception? lastError = null;
        while (running.Count > 0)
        {
            Task<ResponseFrame> completed;
            var delay = _session.Settings.SpeculativeExecutionPolicy.NextExecutionDelay(running.Count + (_options.SpeculativeExecutions));
            if (delay is { } wait && HasMoreHosts())
            {
                var timer = Task.Delay(wait, losers.Token);
                var first = await Task.WhenAny(running.Append(timer)).ConfigureAwait(false);
                if (first == timer)
                {
                    _options.SpeculativeExecutions++;
                    Diagnostics.CqlDiagnostics.RecordSpeculativeExecution(OperationName, _options.SpeculativeExecutions, _options.LastHostTried!.EndPoint, _session.Logger);
                    running.Add(RunExecutionAsync(IOBehavior.Asynchronous, losers.Token).AsTask());
                    continue;
                }

                completed = (Task<ResponseFrame>)first;
            }
            else
            {
                completed = await Task.WhenAny(running).ConfigureAwait(false);
            }

            running.Remove(completed);
            if (completed.IsCompletedSuccessfully)
            {
                // The first answer wins; the others are cancelled and their late answers dropped.
                await losers.CancelAsync().ConfigureAwait(false);
                foreach (var loser in running)
                {
                    _ = loser.ContinueWith(static t =>
                    {
                        if (t.IsCompletedSuccessfully)
                        {
                            t.Result.Dispose();
                        }
                        else
                        {
                            _ = t.Exception;
                        }
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                return completed.Result;
            }

            lastError = completed.Exception?.InnerException ?? new OperationCanceledException(cancellationToken);
        }

        throw lastError!;
    }

    private bool HasMoreHosts()
    {
        lock (_plan)
        {
            return _session.Hosts.Count > _options.HostsTriedCount;
        }
    }

    private Exception LastError(CqlHost host)
    {
        lock (this)
        {
            return _errors![host.EndPoint];
        }
    }

    private void Record(CqlHost host, Exception error)
    {
        lock (this)
        {
            (_errors ??= [])[host.EndPoint] = error;
        }
    }

    private Dictionary<EndPoint, Exception> Snapshot()
    {
        lock (this)
        {
            return _errors is null ? [] : new Dictionary<EndPoint, Exception>(_errors);
        }
    }
}
