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

    // Per result type: how to run the query after connecting, or null for a result type with no asynchronous shape.
    private static readonly ConcurrentDictionary<Type, Delegate?> AfterConnecting = new();

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

    // Task<T> for single results (FirstAsync, CountAsync, ...), IAsyncEnumerable<T> for sequences (ToListAsync, ...).
    private static Delegate? CreateAfterConnecting(Type resultType)
    {
        if (!resultType.IsGenericType)
        {
            return null;
        }

        var definition = resultType.GetGenericTypeDefinition();
        var method = definition == typeof(Task<>) ? ExecuteTaskMethod
            : definition == typeof(IAsyncEnumerable<>) ? ExecuteEnumerableMethod
            : null;
        return method?.MakeGenericMethod(resultType.GetGenericArguments()[0])
            .CreateDelegate(typeof(Func<,,,>).MakeGenericType(typeof(CassandraQueryCompiler), typeof(Expression), typeof(CancellationToken), resultType));
    }

    private async Task<T> ExecuteTaskAfterConnectingAsync<T>(Expression query, CancellationToken cancellationToken)
    {
        await CqlServerVersionSource.LearnAsync(connection, cancellationToken).ConfigureAwait(false);
        return await base.ExecuteAsync<Task<T>>(query, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> ExecuteEnumerableAfterConnectingAsync<T>(
        Expression query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await CqlServerVersionSource.LearnAsync(connection, cancellationToken).ConfigureAwait(false);
        await foreach (var item in base.ExecuteAsync<IAsyncEnumerable<T>>(query, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
