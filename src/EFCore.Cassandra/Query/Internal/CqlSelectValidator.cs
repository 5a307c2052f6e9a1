using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Checks one translated SELECT against CQL's rules for the table it reads: partition key restricted with ==/IN (or by
/// token ranges), clustering columns restricted as a prefix with a range on the last one, other columns through
/// secondary indexes, <c>ALLOW FILTERING</c> when Cassandra would have to filter, ORDER BY on clustering columns in
/// clustering order or its exact reverse, projections of columns, COUNT and (2.2+) aggregates.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlSelectValidator(CqlQueryOptions options, CqlServerCapabilities server)
{
    /// <summary>Throws <see cref="InvalidOperationException"/> with a remedy when CQL cannot answer the query.</summary>
    public void Validate(SelectExpression select)
    {
        if (select.Tables is [FromSqlExpression])
        {
            ValidateFromSql(select);
            return;
        }

        var table = ValidateShape(select);
        var keys = CqlTableKeys.For(table);

        if (select.Offset is not null)
        {
            throw new InvalidOperationException(CassandraQueryStrings.Skip);
        }

        if (options.PerPartitionLimit is not null && !server.SupportsPerPartitionLimit)
        {
            throw new InvalidOperationException(CassandraQueryStrings.PerPartitionLimitNeedsServer(server.Describe()));
        }

        ValidateProjection(select, keys);
        var restrictions = CqlWhereClauseReader.Read(select.Predicate);
        ValidateInOnOldServers(select, restrictions, keys);
        var analysis = ValidateRestrictions(restrictions, keys);
        ValidateOrderings(select, keys, analysis);
    }

    // Cassandra 2.1: IN only on the last partition key column and the last clustering column, and not on a clustering
    // column while a collection is selected.
    private void ValidateInOnOldServers(SelectExpression select, List<CqlRestriction> restrictions, CqlTableKeys keys)
    {
        if (server.AtLeast(2, 2))
        {
            return;
        }

        foreach (var restriction in restrictions.Where(r => r.Kind == CqlRestrictionKind.In))
        {
            var partitionIndex = keys.PartitionKey.ToList().IndexOf(restriction.Column);
            if (partitionIndex >= 0 && partitionIndex != keys.PartitionKey.Count - 1)
            {
                throw new InvalidOperationException(CassandraQueryStrings.InNeedsServer(restriction.Column, "the last partition key column", server.Describe()));
            }

            var clusteringIndex = keys.ClusteringIndex(restriction.Column);
            if (clusteringIndex >= 0 && clusteringIndex != keys.Clustering.Count - 1)
            {
                throw new InvalidOperationException(CassandraQueryStrings.InNeedsServer(restriction.Column, "the last clustering column", server.Describe()));
            }

            if (clusteringIndex >= 0 && select.Projection.Any(p => p.Expression is ColumnExpression c && keys.Collections.Contains(c.Name)))
            {
                throw new InvalidOperationException(CassandraQueryStrings.InNeedsServer(
                    restriction.Column, "clustering columns of queries that select no collection column (select the other columns)", server.Describe()));
            }
        }
    }

    // Raw CQL runs as written; anything composed over it would need it as a subquery.
    private static void ValidateFromSql(SelectExpression select)
    {
        if (select.IsNonComposedFromSql())
        {
            return;
        }

        var what = select switch
        {
            { Predicate: not null } => "a filter (Where)",
            { Orderings.Count: > 0 } => "an order (OrderBy)",
            { Limit: not null } => "a limit (Take, First, Single)",
            { Offset: not null } => "Skip",
            { IsDistinct: true } => "Distinct",
            _ when select.Projection.Any(p => p.Expression is not ColumnExpression) => "an aggregate or computed value (Count, Min, ...)",
            _ => "a projection of some of its columns (Select)",
        };
        throw new InvalidOperationException(CassandraQueryStrings.FromSqlComposition(what));
    }

    private static TableExpression ValidateShape(SelectExpression select)
    {
        if (select.Tables is not [var source])
        {
            throw new InvalidOperationException(CassandraQueryStrings.NotOneTable(select.Tables.Count > 1 ? "a join of several tables" : "no table"));
        }

        if (source is not TableExpression table)
        {
            throw new InvalidOperationException(CassandraQueryStrings.NotOneTable(source switch
            {
                SetOperationBase => "a set operation (Union, Concat, Intersect, Except)",
                SelectExpression => "a subquery (an operator applied after Take, Distinct or another query)",
                _ => "a derived table",
            }));
        }

        if (select.GroupBy.Count > 0 || select.Having is not null)
        {
            throw new InvalidOperationException(CassandraQueryStrings.GroupBy);
        }

        return table;
    }

    private void ValidateProjection(SelectExpression select, CqlTableKeys keys)
    {
        foreach (var projection in select.Projection)
        {
            switch (projection.Expression)
            {
                case ColumnExpression:
                    break;

                case SqlFunctionExpression { Name: var name } when string.Equals(name, "COUNT", StringComparison.OrdinalIgnoreCase):
                    break;

                case SqlFunctionExpression { Name: var name, Arguments: [ColumnExpression] }
                    when name.ToUpperInvariant() is "MIN" or "MAX" or "SUM" or "AVG":
                    if (!server.SupportsAggregates)
                    {
                        throw new InvalidOperationException(CassandraQueryStrings.AggregateNeedsServer(name.ToUpperInvariant(), server.Describe()));
                    }

                    break;

                case SqlFunctionExpression { Name: var name } when name.ToUpperInvariant() is "MIN" or "MAX" or "SUM" or "AVG":
                    throw new InvalidOperationException(server.SupportsAggregates
                        ? CassandraQueryStrings.ComputedProjection($"{name.ToUpperInvariant()} of a computed value")
                        : CassandraQueryStrings.AggregateNeedsServer(name.ToUpperInvariant(), server.Describe()));

                case var other:
                    throw new InvalidOperationException(CassandraQueryStrings.ComputedProjection(other.GetType().Name.Replace("Expression", "", StringComparison.Ordinal)));
            }
        }

        if (select.IsDistinct)
        {
            var columns = select.Projection.Select(p => (p.Expression as ColumnExpression)?.Name).ToList();
            if (!columns.ToHashSet().SetEquals(keys.PartitionKey) || columns.Count != keys.PartitionKey.Count)
            {
                throw new InvalidOperationException(CassandraQueryStrings.DistinctNotPartitionKey(keys.Table, string.Join(", ", keys.PartitionKey)));
            }
        }
    }

    private RestrictionAnalysis ValidateRestrictions(List<CqlRestriction> restrictions, CqlTableKeys keys)
    {
        var filteringReasons = new List<string>();

        // Partition key: == or IN on every column, or a token range.
        var partitionRestricted = keys.PartitionKey.ToDictionary(c => c, _ => (CqlRestrictionKind?)null);
        var hasToken = false;
        foreach (var restriction in restrictions)
        {
            if (restriction.Kind == CqlRestrictionKind.Token)
            {
                if (!restriction.Columns.SequenceEqual(keys.PartitionKey))
                {
                    throw new InvalidOperationException(CassandraQueryStrings.TokenColumns(keys.Table, string.Join(", ", keys.PartitionKey)));
                }

                hasToken = true;
            }
            else if (partitionRestricted.ContainsKey(restriction.Column))
            {
                if (restriction.Kind == CqlRestrictionKind.Range)
                {
                    throw new InvalidOperationException(CassandraQueryStrings.PartitionKeyRange(restriction.Column));
                }

                partitionRestricted[restriction.Column] = restriction.Kind;
            }
        }

        var restrictedCount = partitionRestricted.Values.Count(v => v is not null);
        var partitionFull = restrictedCount == keys.PartitionKey.Count;
        var partitionIn = partitionRestricted.Values.Any(v => v == CqlRestrictionKind.In);
        if (restrictedCount > 0 && !partitionFull)
        {
            var missing = string.Join(", ", partitionRestricted.Where(p => p.Value is null).Select(p => $"\"{p.Key}\""));
            if (!server.SupportsKeyFiltering)
            {
                throw new InvalidOperationException(CassandraQueryStrings.PartialPartitionKey(keys.Table, missing, server.Describe()));
            }

            filteringReasons.Add($"it restricts part of the partition key of \"{keys.Table}\" (not {missing})");
        }

        // Clustering columns: a prefix of == (or IN), then at most one range, on the last restricted column.
        var clustering = restrictions
            .Where(r => r.Kind != CqlRestrictionKind.Token && keys.ClusteringIndex(r.Column) >= 0)
            .GroupBy(r => keys.ClusteringIndex(r.Column))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Kind).ToList());
        var lastRestricted = clustering.Count == 0 ? -1 : clustering.Keys.Max();
        var prefixBroken = false;
        for (var i = 0; i <= lastRestricted; i++)
        {
            var column = keys.Clustering[i].Column;
            if (!clustering.TryGetValue(i, out var kinds))
            {
                if (!prefixBroken)
                {
                    prefixBroken = true;
                    var next = keys.Clustering[clustering.Keys.Where(k => k > i).Min()].Column;
                    OutOfOrder(next, $"while the earlier clustering column \"{column}\" is not restricted");
                }

                continue;
            }

            if (kinds.Contains(CqlRestrictionKind.In) && i != lastRestricted)
            {
                throw new InvalidOperationException(CassandraQueryStrings.InNotLast(column));
            }

            if (kinds.Contains(CqlRestrictionKind.Range) && i != lastRestricted && !prefixBroken)
            {
                prefixBroken = true;
                OutOfOrder(keys.Clustering[lastRestricted].Column, $"after a range on \"{column}\"");
            }
        }

        if (clustering.Count > 0 && !partitionFull && !hasToken)
        {
            filteringReasons.Add("it restricts clustering columns without restricting the partition key with ==/IN");
        }

        // Other columns: through a secondary index (== on an indexed column, CONTAINS / CONTAINS KEY on an indexed
        // collection), else by filtering.
        var usesIndex = false;
        var filtered = new List<string>();
        foreach (var restriction in restrictions)
        {
            if (restriction.Kind == CqlRestrictionKind.Token || partitionRestricted.ContainsKey(restriction.Column)
                || keys.ClusteringIndex(restriction.Column) >= 0)
            {
                continue;
            }

            if (restriction.Kind == CqlRestrictionKind.In)
            {
                throw new InvalidOperationException(CassandraQueryStrings.InOnRegularColumn(restriction.Column));
            }

            var indexable = restriction.Kind is CqlRestrictionKind.Equal or CqlRestrictionKind.Contains or CqlRestrictionKind.ContainsKey;
            if (indexable && keys.Indexed.Contains(restriction.Column) && !usesIndex)
            {
                usesIndex = true;
            }
            else
            {
                filtered.Add(restriction.Column);
            }
        }

        if (filtered.Count > 0)
        {
            if (!usesIndex && !server.SupportsFilteringWithoutIndex)
            {
                throw new InvalidOperationException(CassandraQueryStrings.NeedsIndex(filtered[0], server.Describe()));
            }

            filteringReasons.Add($"it filters on {string.Join(", ", filtered.Distinct().Select(c => $"\"{c}\""))}, which "
                + (usesIndex ? "Cassandra checks row by row after the index lookup" : "is not a key column and has no secondary index"));
        }

        // Cassandra 2.x answers through one index and checks the other conditions row by row; a CONTAINS / CONTAINS KEY
        // left to that check is skipped when the node picks the other index (seen on 2.1.0: the rows of the other
        // condition came back unfiltered, depending on the index the node picked at the time).
        if (!server.AtLeast(3, 0))
        {
            var regular = restrictions.Where(r => r.Kind != CqlRestrictionKind.Token && !partitionRestricted.ContainsKey(r.Column)
                && keys.ClusteringIndex(r.Column) < 0).ToList();
            if (regular.Count > 1 && regular.FirstOrDefault(r => r.Kind is CqlRestrictionKind.Contains or CqlRestrictionKind.ContainsKey) is { } contains)
            {
                throw new InvalidOperationException(CassandraQueryStrings.CollectionFilterNeedsServer(contains.Column, server.Describe()));
            }
        }

        if (usesIndex && partitionIn)
        {
            throw new InvalidOperationException(CassandraQueryStrings.IndexWithIn);
        }

        if (usesIndex && clustering.Count > 0)
        {
            filteringReasons.Add("it combines a secondary-index lookup with clustering column restrictions");
        }

        if (filteringReasons.Count > 0 && !options.AllowFiltering)
        {
            throw new InvalidOperationException(CassandraQueryStrings.NeedsAllowFiltering(string.Join("; ", filteringReasons)));
        }

        return new RestrictionAnalysis(partitionFull && !partitionIn, partitionIn, usesIndex);

        void OutOfOrder(string column, string reason)
        {
            if (!server.SupportsKeyFiltering)
            {
                throw new InvalidOperationException(CassandraQueryStrings.ClusteringOutOfOrder(column, reason, server.Describe()));
            }

            filteringReasons.Add($"it restricts the clustering column \"{column}\" {reason}");
        }
    }

    private static void ValidateOrderings(SelectExpression select, CqlTableKeys keys, RestrictionAnalysis analysis)
    {
        if (select.Orderings.Count == 0)
        {
            return;
        }

        var clustering = keys.Clustering.Count == 0
            ? "empty (the table has no clustering columns)"
            : string.Join(", ", keys.Clustering.Select(c => $"\"{c.Column}\" {(c.Order == ClusteringOrder.Ascending ? "ASC" : "DESC")}"));

        bool? reversed = null;
        for (var i = 0; i < select.Orderings.Count; i++)
        {
            var ordering = select.Orderings[i];
            if (ordering.Expression is not ColumnExpression column)
            {
                throw new InvalidOperationException(CassandraQueryStrings.OrderNotClustering(keys.Table, "a computed value", clustering));
            }

            if (i >= keys.Clustering.Count || keys.Clustering[i].Column != column.Name)
            {
                throw new InvalidOperationException(CassandraQueryStrings.OrderNotClustering(
                    keys.Table,
                    keys.ClusteringIndex(column.Name) >= 0 ? $"\"{column.Name}\" out of clustering order" : $"\"{column.Name}\", which is not a clustering column",
                    clustering));
            }

            var thisReversed = ordering.IsAscending != (keys.Clustering[i].Order == ClusteringOrder.Ascending);
            if (reversed is { } r && r != thisReversed)
            {
                throw new InvalidOperationException(CassandraQueryStrings.OrderNotClustering(
                    keys.Table, "clustering columns in mixed directions (some in clustering order, some reversed)", clustering));
            }

            reversed = thisReversed;
        }

        if (analysis.PartitionIn)
        {
            throw new InvalidOperationException(CassandraQueryStrings.OrderWithIn);
        }

        if (!analysis.PartitionEqual)
        {
            throw new InvalidOperationException(CassandraQueryStrings.OrderWithoutPartition(keys.Table));
        }

        if (analysis.UsesIndex)
        {
            throw new InvalidOperationException(CassandraQueryStrings.OrderWithIndex);
        }
    }

    private readonly record struct RestrictionAnalysis(bool PartitionEqual, bool PartitionIn, bool UsesIndex);
}
