using CqlConnector;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// One <c>ToPageAsync</c> call: the page asked for (travels to the command as a query parameter value) and the reader
/// that serves it, whose paging state says where the next page starts.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlPageRequest(int pageSize, byte[]? pagingState)
{
    /// <summary>The rows per page.</summary>
    public int PageSize { get; } = pageSize;

    /// <summary>Where the page starts; null for the first page.</summary>
    public byte[]? PagingState { get; } = pagingState;

    /// <summary>The reader that serves the page, set when the command runs.</summary>
    public CqlDataReader? Reader { get; set; }

    /// <summary>Where the next page starts, or null after the last page.</summary>
    public byte[]? NextPagingState => Reader?.PagingState;
}
