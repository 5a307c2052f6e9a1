using System.Linq.Expressions;
using System.Reflection;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Query;
using EntityFrameworkCore.Cassandra.Query.Internal;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Query extensions for Cassandra: <c>ALLOW FILTERING</c>, per-query consistency and page size,
/// <c>PER PARTITION LIMIT</c>, and pages with opaque paging states for APIs.
/// </summary>
public static class CassandraQueryableExtensions
{
    internal static readonly MethodInfo AllowFilteringMethod
        = typeof(CassandraQueryableExtensions).GetMethod(nameof(AllowFiltering))!;

    internal static readonly MethodInfo WithConsistencyMethod
        = typeof(CassandraQueryableExtensions).GetMethod(nameof(WithConsistency))!;

    internal static readonly MethodInfo WithPageSizeMethod
        = typeof(CassandraQueryableExtensions).GetMethod(nameof(WithPageSize))!;

    internal static readonly MethodInfo PerPartitionLimitMethod
        = typeof(CassandraQueryableExtensions).GetMethod(nameof(PerPartitionLimit))!;

    internal static readonly MethodInfo WithPageRequestMethod
        = typeof(CassandraQueryableExtensions).GetMethod(nameof(WithPageRequest), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Lets Cassandra scan and filter rows (<c>ALLOW FILTERING</c>): needed when the filter restricts columns that
    /// neither select partitions nor follow the clustering order. Such a query reads every row of the partitions it
    /// touches (or of the whole table when no partition is restricted): cost grows with the data, not the result.
    /// </summary>
    /// <typeparam name="TEntity">The type of the results.</typeparam>
    /// <param name="source">The query.</param>
    /// <returns>The query, with filtering allowed.</returns>
    public static IQueryable<TEntity> AllowFiltering<TEntity>(this IQueryable<TEntity> source)
        => Compose(source, AllowFilteringMethod.MakeGenericMethod(typeof(TEntity)));

    /// <summary>The consistency level this query is read at (default: the connection string's Consistency).</summary>
    /// <typeparam name="TEntity">The type of the results.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="consistency">The consistency level, e.g. <see cref="ConsistencyLevel.LocalQuorum"/>.</param>
    /// <returns>The query, read at <paramref name="consistency"/>.</returns>
    public static IQueryable<TEntity> WithConsistency<TEntity>(
        this IQueryable<TEntity> source,
        [NotParameterized] ConsistencyLevel consistency)
        => Compose(source, WithConsistencyMethod.MakeGenericMethod(typeof(TEntity)), Expression.Constant(consistency));

    /// <summary>
    /// How many rows each page of the result holds (default: the connection string's Page Size). Results still
    /// stream across pages; this bounds the memory and latency of each round trip.
    /// </summary>
    /// <typeparam name="TEntity">The type of the results.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="pageSize">At least 1.</param>
    /// <returns>The query, fetched <paramref name="pageSize"/> rows at a time.</returns>
    public static IQueryable<TEntity> WithPageSize<TEntity>(this IQueryable<TEntity> source, [NotParameterized] int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return Compose(source, WithPageSizeMethod.MakeGenericMethod(typeof(TEntity)), Expression.Constant(pageSize));
    }

    /// <summary>
    /// At most <paramref name="limit"/> rows from each partition (<c>PER PARTITION LIMIT</c>; Cassandra 3.6 or later).
    /// </summary>
    /// <typeparam name="TEntity">The type of the results.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="limit">At least 1.</param>
    /// <returns>The query, limited per partition.</returns>
    public static IQueryable<TEntity> PerPartitionLimit<TEntity>(this IQueryable<TEntity> source, [NotParameterized] int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Compose(source, PerPartitionLimitMethod.MakeGenericMethod(typeof(TEntity)), Expression.Constant(limit));
    }

    /// <summary>
    /// Reads one page of the query: at most <paramref name="pageSize"/> entities, and the paging state of the next page
    /// (an opaque, URL-safe string a web client can send back), or null when this was the last page. This is how an
    /// API pages through Cassandra, which has no OFFSET: pass the returned <see cref="CassandraPage{T}.PagingState"/> to
    /// the next call of the same query.
    /// </summary>
    /// <typeparam name="TEntity">The type of the results.</typeparam>
    /// <param name="source">The query (the same query, with the same values, for every page).</param>
    /// <param name="pageSize">The number of rows per page, at least 1.</param>
    /// <param name="pagingState">Null for the first page, else the paging state a previous page returned.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="FormatException"><paramref name="pagingState"/> is not a paging state.</exception>
    public static async Task<CassandraPage<TEntity>> ToPageAsync<TEntity>(
        this IQueryable<TEntity> source,
        int pageSize,
        string? pagingState,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        var request = new CqlPageRequest(pageSize, pagingState is null ? null : CqlPagingState.FromBase64Url(pagingState));
        // Passed as a member of a closure, so that EF makes it a query parameter: one compiled query for every page.
        var holder = new RequestHolder(request);
        var query = Compose(
            source,
            WithPageRequestMethod.MakeGenericMethod(typeof(TEntity)),
            Expression.Field(Expression.Constant(holder), RequestHolder.RequestField));

        // Read the page to its end (the command asks for one page of at most pageSize rows): the reader learns the next
        // page's state only when its last row was read; stopping early would close it and lose the state.
        var items = new List<TEntity>(pageSize);
        await foreach (var item in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        var next = request.NextPagingState;
        return new CassandraPage<TEntity>(items, next is null ? null : CqlPagingState.ToBase64Url(next));
    }

    // A marker read by the query pipeline: the request travels as a query parameter, so one compiled query serves
    // every page. Not public: ToPageAsync is the API.
    internal static IQueryable<TEntity> WithPageRequest<TEntity>(this IQueryable<TEntity> source, CqlPageRequest request)
        => throw new InvalidOperationException(nameof(WithPageRequest) + " is only used inside ToPageAsync.");

    private sealed class RequestHolder(CqlPageRequest request)
    {
        public static readonly FieldInfo RequestField = typeof(RequestHolder).GetField(nameof(Request))!;

        public readonly CqlPageRequest Request = request;
    }

    private static IQueryable<TEntity> Compose<TEntity>(IQueryable<TEntity> source, MethodInfo method, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(Expression.Call(null, method, [source.Expression, .. arguments]))
            : source;
    }
}
