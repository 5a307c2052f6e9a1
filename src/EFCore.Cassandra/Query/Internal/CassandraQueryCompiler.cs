#pragma warning disable EF1001 // EF's query compiler is pubternal; the provider only runs an asynchronous step before it.
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// EF's query compiler, except that an asynchronous query on a data source that never connected first connects
/// asynchronously. Queries are translated for the server's version (<see cref="CqlServerVersionSource"/>), which is
/// needed before translation, and translation is synchronous: without this the first <c>ToListAsync</c> of an
/// application would block its thread on the connection's handshake.
/// </summary>
/// <remarks>
/// Once the session knows the version (or it is configured) this adds one check per query. Parameters of a query
/// that waits for the connection are read when it runs, after that wait, as they are for any deferred query.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryCompiler(
    IQueryContextFactory queryContextFactory,
    ICompiledQueryCache compiledQueryCache,
    ICompiledQueryCacheKeyGenerator compiledQueryCacheKeyGenerator,
    IDatabase database,
    IDiagnosticsLogger<DbLoggerCategory.Query> logger,
    ICurrentDbContext currentContext,
    IEvaluatableExpressionFilter evaluatableExpressionFilter,
    IModel model,
    ICassandraRelationalConnection connection,
    IDbContextOptions options)
    : QueryCompiler(
        queryContextFactory,
        compiledQueryCache,
        compiledQueryCacheKeyGenerator,
        database,
        logger,
        currentContext,
        evaluatableExpressionFilter,
        model)
{
    private static readonly MethodInfo ExecuteTaskMethod = typeof(CassandraQueryCompiler)
        .GetMethod(nameof(ExecuteTaskAfterConnectingAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo ExecuteEnumerableMethod = typeof(CassandraQueryCompiler)
        .GetMethod(nameof(ExecuteEnumerableAfterConnectingAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo DeferTaskMethod = typeof(CassandraQueryCompiler)
        .GetMethod(nameof(DeferTask), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo DeferEnumerableMethod = typeof(CassandraQueryCompiler)
        .GetMethod(nameof(DeferEnumerable), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // Per result type: how to run (or compile) the query after connecting, or null for a result type with no
    // asynchronous shape.
    private static readonly ConcurrentDictionary<Type, Delegate?> AfterConnecting = new();
    private static readonly ConcurrentDictionary<Type, Delegate?> CompiledAfterConnecting = new();

    // The learning connect runs under this context's execution strategy.
    private readonly DbContext _context = currentContext.Context;

    /// <inheritdoc />
    public override TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken = default)
    {
        if (CqlServerVersionSource.IsKnown(connection, options)
            || AfterConnecting.GetOrAdd(typeof(TResult), CreateAfterConnecting) is not Func<CassandraQueryCompiler, Expression, CancellationToken, TResult> run)
        {
            return base.ExecuteAsync<TResult>(query, cancellationToken);
        }

        return run(this, query, cancellationToken);
    }

    /// <summary>
    /// For <c>EF.CompileAsyncQuery</c>: while the version is unknown, the query is translated at its first execution,
    /// after an asynchronous connect, by the compiler of the context that runs it.
    /// </summary>
    /// <inheritdoc />
    public override Func<QueryContext, TResult> CreateCompiledAsyncQuery<TResult>(Expression query)
    {
        if (CqlServerVersionSource.IsKnown(connection, options)
            || CompiledAfterConnecting.GetOrAdd(typeof(TResult), CreateCompiledAfterConnecting) is not Func<CassandraQueryCompiler, Expression, Func<QueryContext, TResult>> defer)
        {
            return base.CreateCompiledAsyncQuery<TResult>(query);
        }

        return defer(this, query);
    }

    // Task<T> for single results (FirstAsync, CountAsync, ...), IAsyncEnumerable<T> for sequences (ToListAsync, ...).
    private static Delegate? CreateAfterConnecting(Type resultType)
        => ForAsyncShape(resultType, ExecuteTaskMethod, ExecuteEnumerableMethod, typeof(Func<,,,>), typeof(CassandraQueryCompiler), typeof(Expression), typeof(CancellationToken), resultType);

    private static Delegate? CreateCompiledAfterConnecting(Type resultType)
        => ForAsyncShape(
            resultType, DeferTaskMethod, DeferEnumerableMethod, typeof(Func<,,>), typeof(CassandraQueryCompiler), typeof(Expression), typeof(Func<,>).MakeGenericType(typeof(QueryContext), resultType));

    private static Delegate? ForAsyncShape(Type resultType, MethodInfo forTask, MethodInfo forEnumerable, Type delegateDefinition, params Type[] delegateArguments)
    {
        if (!resultType.IsGenericType)
        {
            return null;
        }

        var definition = resultType.GetGenericTypeDefinition();
        var method = definition == typeof(Task<>) ? forTask
            : definition == typeof(IAsyncEnumerable<>) ? forEnumerable
            : null;
        return method?.MakeGenericMethod(resultType.GetGenericArguments()[0]).CreateDelegate(delegateDefinition.MakeGenericType(delegateArguments));
    }

    private Task LearnServerVersionAsync(CancellationToken cancellationToken)
        => CqlServerVersionSource.LearnAsync(connection, _context.Database.CreateExecutionStrategy(), options, cancellationToken);

    private Func<QueryContext, TResult> CompileAfterConnecting<TResult>(Expression query) => base.CreateCompiledAsyncQuery<TResult>(query);

    private Func<QueryContext, Task<T>> DeferTask<T>(Expression query)
    {
        var compilation = new DeferredCompilation<Task<T>>(this, query);
        return async queryContext =>
        {
            var compiled = await compilation.GetAsync(queryContext, queryContext.CancellationToken).ConfigureAwait(false);
            return await compiled(queryContext).ConfigureAwait(false);
        };
    }

    private Func<QueryContext, IAsyncEnumerable<T>> DeferEnumerable<T>(Expression query)
    {
        var compilation = new DeferredCompilation<IAsyncEnumerable<T>>(this, query);
        return queryContext => EnumerateAsync(compilation, queryContext);

        static async IAsyncEnumerable<T> EnumerateAsync(
            DeferredCompilation<IAsyncEnumerable<T>> compilation, QueryContext queryContext, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var compiled = await compilation.GetAsync(queryContext, cancellationToken).ConfigureAwait(false);
            await foreach (var item in compiled(queryContext).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private async Task<T> ExecuteTaskAfterConnectingAsync<T>(Expression query, CancellationToken cancellationToken)
    {
        await LearnServerVersionAsync(cancellationToken).ConfigureAwait(false);
        return await base.ExecuteAsync<Task<T>>(query, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> ExecuteEnumerableAfterConnectingAsync<T>(
        Expression query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await LearnServerVersionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var item in base.ExecuteAsync<IAsyncEnumerable<T>>(query, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>
    /// A compiled query translated at its first execution. The compiler of the context that runs it does the work, not
    /// the one that created it, whose context may be gone by then.
    /// </summary>
    private sealed class DeferredCompilation<TResult>(CassandraQueryCompiler creator, Expression query)
    {
        private Func<QueryContext, TResult>? _compiled;

        public async ValueTask<Func<QueryContext, TResult>> GetAsync(QueryContext queryContext, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _compiled) is { } compiled)
            {
                return compiled;
            }

            var compiler = queryContext.Context.GetService<IQueryCompiler>() as CassandraQueryCompiler ?? creator;
            await compiler.LearnServerVersionAsync(cancellationToken).ConfigureAwait(false);
            compiled = compiler.CompileAfterConnecting<TResult>(query);
            return Interlocked.CompareExchange(ref _compiled, compiled, null) ?? compiled;
        }
    }
}
