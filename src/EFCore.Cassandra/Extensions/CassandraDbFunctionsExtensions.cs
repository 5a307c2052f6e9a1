// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// CQL functions for LINQ queries, through <c>EF.Functions</c>. They are translated to CQL and cannot run on the client.
/// </summary>
public static class CassandraDbFunctionsExtensions
{
    /// <summary>
    /// <c>token(partitionKey)</c>: the partitioner's token of a partition key. Compare the token of the row's partition
    /// key columns (all of them, in order) with the token of values, e.g.
    /// <c>EF.Functions.Token(e.Id) &gt; EF.Functions.Token(lastId)</c>, to scan a table range by range.
    /// </summary>
    /// <typeparam name="T1">The type of the partition key column.</typeparam>
    /// <param name="_">The <c>EF.Functions</c> instance.</param>
    /// <param name="key1">The partition key column (or value).</param>
    /// <returns>The token (translated to CQL only).</returns>
    public static long Token<T1>(this DbFunctions _, T1 key1) => throw ClientCall();

    /// <summary><c>token(a, b)</c> of a two-column partition key; see <see cref="Token{T1}(DbFunctions, T1)"/>.</summary>
    /// <typeparam name="T1">The type of the first partition key column.</typeparam>
    /// <typeparam name="T2">The type of the second partition key column.</typeparam>
    /// <param name="_">The <c>EF.Functions</c> instance.</param>
    /// <param name="key1">The first partition key column (or value).</param>
    /// <param name="key2">The second partition key column (or value).</param>
    /// <returns>The token (translated to CQL only).</returns>
    public static long Token<T1, T2>(this DbFunctions _, T1 key1, T2 key2) => throw ClientCall();

    /// <summary><c>token(a, b, c)</c> of a three-column partition key; see <see cref="Token{T1}(DbFunctions, T1)"/>.</summary>
    /// <typeparam name="T1">The type of the first partition key column.</typeparam>
    /// <typeparam name="T2">The type of the second partition key column.</typeparam>
    /// <typeparam name="T3">The type of the third partition key column.</typeparam>
    /// <param name="_">The <c>EF.Functions</c> instance.</param>
    /// <param name="key1">The first partition key column (or value).</param>
    /// <param name="key2">The second partition key column (or value).</param>
    /// <param name="key3">The third partition key column (or value).</param>
    /// <returns>The token (translated to CQL only).</returns>
    public static long Token<T1, T2, T3>(this DbFunctions _, T1 key1, T2 key2, T3 key3) => throw ClientCall();

    private static InvalidOperationException ClientCall()
        => new("EF.Functions.Token(...) is translated to CQL's token() and cannot run on the client: use it inside a "
            + "LINQ query's Where.");
}
