namespace EntityFrameworkCore.Cassandra.Query;

/// <summary>One page of a query's results, and where the next page starts.</summary>
/// <typeparam name="T">The type of the results.</typeparam>
/// <param name="Items">The rows of this page (at most the page size).</param>
/// <param name="PagingState">
/// The opaque, URL-safe paging state of the next page, to pass to <c>ToPageAsync</c> with the same query; null when
/// this is the last page.
/// </param>
public sealed record CassandraPage<T>(IReadOnlyList<T> Items, string? PagingState);
