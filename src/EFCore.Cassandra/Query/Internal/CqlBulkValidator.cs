using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Checks ExecuteDelete and ExecuteUpdate against CQL: a DELETE names whole partitions (every partition key column
/// with ==/IN), optionally narrowed to rows by every clustering column (on Cassandra 3.0+, by a clustering prefix or
/// range); an UPDATE names rows by their full primary key. Nothing else may be restricted.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlBulkValidator
{
    /// <summary>Validates an ExecuteDelete.</summary>
    public static void ValidateDelete(DeleteExpression delete, CqlServerCapabilities server)
    {
        var keys = CqlTableKeys.For(delete.Table);
        var restrictions = Restrictions(delete.SelectExpression, keys, "ExecuteDelete");
        var required = $"the whole partition key ({string.Join(", ", keys.PartitionKey)})"
            + (server.AtLeast(3, 0) ? ", optionally clustering columns in order," : ", optionally with every clustering column,");
        CheckPartition(restrictions, keys, "ExecuteDelete", required);

        var clustering = keys.Clustering.Select(c => restrictions.FirstOrDefault(r => r.Column == c.Column)).ToList();
        var count = clustering.TakeWhile(r => r is not null).Count();
        var valid = clustering.Skip(count).All(r => r is null)
            && (server.AtLeast(3, 0)
                ? clustering.Take(count).SkipLast(1).All(r => r!.Kind == CqlRestrictionKind.Equal)
                : (count == 0 || count == keys.Clustering.Count) && clustering.Take(count).All(r => r!.Kind == CqlRestrictionKind.Equal));
        if (!valid)
        {
            throw new InvalidOperationException(CassandraQueryStrings.BulkNeedsKey("ExecuteDelete", keys.Table, required));
        }
    }

    /// <summary>Validates an ExecuteUpdate.</summary>
    public static void ValidateUpdate(UpdateExpression update)
    {
        var keys = CqlTableKeys.For(update.Table);
        var required = $"the whole primary key ({string.Join(", ", keys.PartitionKey.Concat(keys.Clustering.Select(c => c.Column)))})";
        var restrictions = Restrictions(update.SelectExpression, keys, "ExecuteUpdate");
        CheckPartition(restrictions, keys, "ExecuteUpdate", required);
        if (keys.Clustering.Any(c => !restrictions.Any(r => r.Column == c.Column && r.Kind is CqlRestrictionKind.Equal or CqlRestrictionKind.In)))
        {
            throw new InvalidOperationException(CassandraQueryStrings.BulkNeedsKey("ExecuteUpdate", keys.Table, required));
        }
    }

    private static List<CqlRestriction> Restrictions(SelectExpression select, CqlTableKeys keys, string operation)
    {
        if (select.Tables.Count != 1 || select.Limit is not null || select.Offset is not null || select.Orderings.Count > 0)
        {
            throw new InvalidOperationException(CassandraQueryStrings.BulkNeedsKey(operation, keys.Table, "only key columns, with no Take, Skip or OrderBy,"));
        }

        return CqlWhereClauseReader.Read(select.Predicate);
    }

    private static void CheckPartition(List<CqlRestriction> restrictions, CqlTableKeys keys, string operation, string required)
    {
        var keyColumns = keys.PartitionKey.Concat(keys.Clustering.Select(c => c.Column)).ToHashSet();
        if (restrictions.Any(r => r.Kind == CqlRestrictionKind.Token || !keyColumns.Contains(r.Column))
            || keys.PartitionKey.Any(c => !restrictions.Any(r => r.Column == c && r.Kind is CqlRestrictionKind.Equal or CqlRestrictionKind.In)))
        {
            throw new InvalidOperationException(CassandraQueryStrings.BulkNeedsKey(operation, keys.Table, required));
        }
    }
}
