namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// The messages of queries CQL cannot answer. Each says what the query asked for, why Cassandra cannot answer it, and
/// what to write instead.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraQueryStrings
{
    private const string Prefix = "This query cannot be translated to CQL: ";

    /// <summary>A join, subquery, set operation or other multi-table shape.</summary>
    public static string NotOneTable(string shape)
        => Prefix + $"it uses {shape}, but a CQL query reads one table, with no joins, subqueries or set operations. "
            + "Load related data with a second query by its partition key, and combine results in memory.";

    /// <summary>GroupBy.</summary>
    public static string GroupBy
        => Prefix + "it groups rows (GroupBy), which CQL cannot do (GROUP BY exists only on the partition and clustering "
            + "columns of Cassandra 3.10+, and is not translated). Load the rows of a partition and group them in memory "
            + "(AsEnumerable().GroupBy(...)).";

    /// <summary>Skip.</summary>
    public static string Skip
        => Prefix + "it skips rows (Skip), but CQL has no OFFSET. Page with ToPageAsync(pageSize, pagingState), which "
            + "returns an opaque paging state for the next page, or with a key range (Where(e => e.Key > lastKey)).";

    /// <summary>OR across different columns or operators.</summary>
    public static string Or
        => Prefix + "its filter combines conditions with OR (||), which a CQL WHERE clause does not have. Only || of "
            + "equalities on one key column is translated (to IN); otherwise run one query per alternative and combine "
            + "the results.";

    /// <summary>!=.</summary>
    public static string NotEqual(string column)
        => Prefix + $"it filters on \"{column}\" with != (or NOT), which CQL does not have. Filter with ==, <, <=, >, >= "
            + "or Contains (IN), or filter the loaded rows in memory.";

    /// <summary>NOT.</summary>
    public static string Not
        => Prefix + "its filter uses NOT, which CQL does not have. Write the condition positively (==, <, >, IN), or "
            + "filter the loaded rows in memory.";

    /// <summary>Null test.</summary>
    public static string NullTest(string column)
        => Prefix + $"it tests \"{column}\" for null, but CQL cannot filter on missing values (no IS NULL). Store an "
            + "explicit value (e.g. an empty string or a flag column) and filter on it, or filter the loaded rows in memory.";

    /// <summary>Two columns compared.</summary>
    public static string ColumnComparison(string left, string right)
        => Prefix + $"it compares the columns \"{left}\" and \"{right}\", but CQL compares a column only with a value. "
            + "Compare with a value, or filter the loaded rows in memory (AsEnumerable().Where(...)).";

    /// <summary>A function or computation on a column.</summary>
    public static string ComputedFilter(string what)
        => Prefix + $"its filter computes on a column ({what}), but CQL compares columns as stored, never the result of "
            + "a function or an operator. Compare the column itself with a value computed before the query, or filter "
            + "the loaded rows in memory.";

    /// <summary>Range on a partition key column.</summary>
    public static string PartitionKeyRange(string column)
        => Prefix + $"it compares the partition key column \"{column}\" with <, <=, > or >=, but partitions are placed by "
            + "hash: a partition key can only be restricted with == or IN. To scan ranges of partitions, compare tokens: "
            + "Where(e => EF.Functions.Token(e.Key) > EF.Functions.Token(lastKey)).";

    /// <summary>Token on the wrong columns.</summary>
    public static string TokenColumns(string table, string columns)
        => Prefix + $"token(...) must list the partition key columns of \"{table}\" ({columns}), in that order, compared "
            + "with token(...) of values.";

    /// <summary>IN on a regular column.</summary>
    public static string InOnRegularColumn(string column)
        => Prefix + $"it uses IN (Contains) on \"{column}\", which is neither a partition key nor a clustering column; CQL "
            + "allows IN only on key columns. Run one query per value (on an indexed column), or filter in memory.";

    /// <summary>IN on a key column that Cassandra 2.1 does not allow it on.</summary>
    public static string InNeedsServer(string column, string where, string server)
        => Prefix + $"it uses IN (Contains) on \"{column}\", but {server} allows IN only on {where} (Cassandra 2.2 "
            + "allows it on any partition key or clustering column). Run one query per value with ==, or configure a "
            + "newer server version.";

    /// <summary>IN on a clustering column that is not the last restricted one.</summary>
    public static string InNotLast(string column)
        => Prefix + $"it uses IN (Contains) on the clustering column \"{column}\" and restricts a clustering column after "
            + "it; Cassandra allows IN only on the last restricted clustering column. Restrict the later columns in "
            + "memory, or run one query per value.";

    /// <summary>Partial partition key.</summary>
    public static string PartialPartitionKey(string table, string missing, string server)
        => Prefix + $"it restricts part of the partition key of \"{table}\" but not {missing}; Cassandra locates a "
            + $"partition by all of its partition key columns ({server} cannot filter on part of it). Restrict every "
            + "partition key column with == or IN.";

    /// <summary>Clustering columns out of order.</summary>
    public static string ClusteringOutOfOrder(string column, string reason, string server)
        => Prefix + $"it restricts the clustering column \"{column}\" {reason}; rows are sorted by the clustering columns in "
            + $"order, so {server} can only restrict them as a prefix (== on the first ones, a range on the last "
            + "restricted one). Restrict the earlier clustering columns with ==, or filter the loaded rows in memory.";

    /// <summary>A regular column filtered without an index on a server that cannot.</summary>
    public static string NeedsIndex(string column, string server)
        => Prefix + $"it filters on \"{column}\", which is not a key column and has no usable secondary index, and "
            + $"{server} filters only with a secondary index (filtering on any column needs Cassandra 3.6). Add an index "
            + "with HasIndex(...) (and restrict the indexed column with ==), query by the partition key, or filter the "
            + "loaded rows in memory.";

    /// <summary>ALLOW FILTERING needed.</summary>
    public static string NeedsAllowFiltering(string reason)
        => Prefix + $"{reason}, so Cassandra would have to read and discard rows (ALLOW FILTERING), which can read a whole "
            + "table. Cassandra can only filter on the partition key with ==/IN; add AllowFiltering() to accept the "
            + "scan, or query by the partition key (and clustering columns in order).";

    /// <summary>ORDER BY without a restricted partition.</summary>
    public static string OrderWithoutPartition(string table)
        => Prefix + $"it orders rows (OrderBy) without restricting the partition key of \"{table}\" with ==. Cassandra "
            + "sorts rows only within a partition, by its clustering columns; partitions come back in token order. "
            + "Restrict every partition key column with ==, or sort the loaded rows in memory.";

    /// <summary>ORDER BY on a non-clustering column or in another order.</summary>
    public static string OrderNotClustering(string table, string what, string clustering)
        => Prefix + $"it orders by {what}, but Cassandra returns the rows of a partition only in clustering order or its "
            + $"exact reverse, and the clustering of \"{table}\" is {clustering}. Order by a prefix of those columns, all "
            + "in that order or all reversed, or sort the loaded rows in memory.";

    /// <summary>ORDER BY with IN on the partition key.</summary>
    public static string OrderWithIn
        => Prefix + "it orders rows while restricting the partition key with IN; Cassandra cannot page such a query. "
            + "Query each partition with == (one query per key), or sort the loaded rows in memory.";

    /// <summary>ORDER BY on an index query.</summary>
    public static string OrderWithIndex
        => Prefix + "it orders rows of a secondary-index query, which Cassandra cannot sort. Sort the loaded rows in memory.";

    /// <summary>Computation in the projection.</summary>
    public static string ComputedProjection(string what)
        => Prefix + $"it selects a computed value ({what}) that would have to run on the server, and CQL selects columns. "
            + "Select the columns and compute in the final Select (it runs on the client), or after AsEnumerable().";

    /// <summary>Aggregate on an old server.</summary>
    public static string AggregateNeedsServer(string function, string server)
        => Prefix + $"it computes {function}, but {server} has no aggregates but COUNT (min, max, sum and avg came in "
            + "Cassandra 2.2). Load the values (Select(e => e.Column)) and aggregate in memory, or configure a newer "
            + "server version.";

    /// <summary>DISTINCT on other columns.</summary>
    public static string DistinctNotPartitionKey(string table, string partitionKey)
        => Prefix + $"it selects distinct values (Distinct) of columns other than the partition key of \"{table}\" "
            + $"({partitionKey}); CQL's SELECT DISTINCT returns partition keys only. Select exactly the partition key "
            + "columns before Distinct(), or de-duplicate the loaded rows in memory.";

    /// <summary>PER PARTITION LIMIT on an old server.</summary>
    public static string PerPartitionLimitNeedsServer(string server)
        => Prefix + $"it uses PerPartitionLimit(...), but {server} has no PER PARTITION LIMIT (it came in Cassandra 3.6). "
            + "Query each partition with Take(n), or configure a newer server version.";

    /// <summary>Index query with IN on the partition key (2.x).</summary>
    public static string IndexWithIn
        => Prefix + "it restricts an indexed column and the partition key with IN; Cassandra cannot combine a "
            + "secondary-index lookup with IN. Run one query per partition key with ==.";

    /// <summary>ExecuteUpdate/ExecuteDelete without the required key.</summary>
    public static string BulkNeedsKey(string operation, string table, string required)
        => Prefix + $"{operation} on \"{table}\" must restrict {required} with ==/IN (and nothing else): CQL updates and "
            + "deletes rows only by primary key, and has no filtered UPDATE or DELETE. Load the keys first "
            + "(Select(e => new { e.Key, ... })), then delete or update by key.";
    /// <summary>Any after an operator that CQL cannot combine with LIMIT 1.</summary>
    public static string AnyAfterOperatorDetails
        => "Any() is translated to a read of one row (LIMIT 1); after Take, Skip, Distinct or a grouping it would need a "
            + "subquery, which CQL does not have. Call Any() on the filtered query itself (q.Where(...).Any()).";

    /// <summary>All.</summary>
    public static string AllDetails
        => "All(condition) means that no row fails the condition, which needs its negation (NOT, !=, OR, IS NULL), and a "
            + "CQL WHERE clause has none of them. Write the negated condition yourself with the operators CQL has and "
            + "use !q.Any(...) (e.g. All(e => e.At < 5) is !Any(e => e.At >= 5)), or check the loaded rows in memory.";

    /// <summary>Composing LINQ over FromSql beyond what one CQL statement can say.</summary>
    public static string FromSqlComposition(string what)
        => Prefix + $"it composes {what} over FromSql, which would need the raw CQL as a subquery, and CQL has none. "
            + "Put the condition, order, limit or aggregate into the raw CQL itself and run it as it is (ToList, "
            + "AsAsyncEnumerable, AsNoTracking), then compose the loaded rows in memory (AsEnumerable().First()).";
    /// <summary>An ExecuteUpdate value CQL cannot compute.</summary>
    public static string ExecuteUpdateValueDetails
        => "CQL's UPDATE sets a column to a value given with the statement; it computes nothing on columns (no "
            + "arithmetic on the row's values). Compute the new value before the query and set it "
            + "(SetProperty(e => e.Column, value)), or load the row, change it and call SaveChanges.";
    /// <summary>CONTAINS combined with another regular-column condition on Cassandra 2.x.</summary>
    public static string CollectionFilterNeedsServer(string column, string server)
        => Prefix + $"it combines CONTAINS (or CONTAINS KEY) on \"{column}\" with another condition on a regular column. "
            + $"{server} answers such a query through one secondary index and checks the other conditions row by row, and "
            + "skips the CONTAINS check when it picks the other index (seen on Cassandra 2.1.0: the rows matching the other "
            + "condition came back unfiltered, depending on the index the node picked). Query through one index "
            + $"(Where(e => e.{column}.Contains(value))) and apply the other condition to the loaded rows in memory "
            + "(AsEnumerable().Where(...)), or configure a server version of 3.0 or later.";
}
