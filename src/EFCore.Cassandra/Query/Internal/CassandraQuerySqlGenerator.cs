using System.Linq.Expressions;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Prints a relational query expression as CQL: CQL reads one table and has no table aliases, so columns are printed
/// by name alone and the table by keyspace and name; <c>Take</c> becomes <c>LIMIT</c>.
/// </summary>
/// <remarks>
/// Shapes CQL cannot express (joins, subqueries, set operations, OFFSET) are refused here with an explanation; the
/// complete validation of what CQL can answer happens during translation (a later version).
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQuerySqlGenerator(QuerySqlGeneratorDependencies dependencies) : QuerySqlGenerator(dependencies)
{
    private int _selectDepth;

    /// <summary>
    /// Prints <c>SELECT [DISTINCT] columns FROM "ks"."t" [WHERE ...] [ORDER BY ...] [LIMIT n]</c> on one line: the
    /// whole grammar of a CQL read.
    /// </summary>
    /// <inheritdoc />
    protected override Expression VisitSelect(SelectExpression selectExpression)
    {
        if (_selectDepth > 0)
        {
            throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("a subquery"));
        }

        if (TryGenerateWithoutWrappingSelect(selectExpression))
        {
            return selectExpression;
        }

        if (selectExpression.Tables is not [TableExpression table])
        {
            throw new InvalidOperationException(
                CassandraStrings.QueryShapeNotSupported(
                    selectExpression.Tables.Count > 1 ? "a join of several tables" : "a query that reads no table or a derived table"));
        }

        if (selectExpression.GroupBy.Count > 0 || selectExpression.Having is not null)
        {
            throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("GroupBy"));
        }

        _selectDepth++;
        try
        {
            GenerateTagsHeaderComment(selectExpression.Tags);

            Sql.Append("SELECT ");
            if (selectExpression.IsDistinct)
            {
                Sql.Append("DISTINCT ");
            }

            GenerateProjection(selectExpression);

            Sql.Append(" FROM ");
            Visit(table);

            if (selectExpression.Predicate is not null)
            {
                Sql.Append(" WHERE ");
                Visit(selectExpression.Predicate);
            }

            GenerateOrderings(selectExpression);
            GenerateLimitOffset(selectExpression);
        }
        finally
        {
            _selectDepth--;
        }

        return selectExpression;
    }

    /// <inheritdoc />
    protected override void GenerateOrderings(SelectExpression selectExpression)
    {
        for (var i = 0; i < selectExpression.Orderings.Count; i++)
        {
            Sql.Append(i == 0 ? " ORDER BY " : ", ");
            Visit(selectExpression.Orderings[i]);
        }
    }

    /// <summary>A column is printed by its name alone: CQL has no table aliases.</summary>
    /// <inheritdoc />
    protected override Expression VisitColumn(ColumnExpression columnExpression)
    {
        Sql.Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(columnExpression.Name));
        return columnExpression;
    }

    /// <summary>A table is printed as <c>"keyspace"."table"</c>, without an alias.</summary>
    /// <inheritdoc />
    protected override Expression VisitTable(TableExpression tableExpression)
    {
        Sql.Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(tableExpression.Name, tableExpression.Schema));
        return tableExpression;
    }

    /// <inheritdoc />
    protected override void GenerateLimitOffset(SelectExpression selectExpression)
    {
        if (selectExpression.Offset is not null)
        {
            throw new InvalidOperationException(CassandraStrings.SkipNotSupported);
        }

        if (selectExpression.Limit is not null)
        {
            Sql.Append(" LIMIT ");
            Visit(selectExpression.Limit);
        }
    }

    /// <inheritdoc />
    protected override void GenerateSetOperation(SetOperationBase setOperation)
        => throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("a set operation (Union, Concat, Intersect, Except)"));

    /// <inheritdoc />
    protected override Expression VisitFromSql(FromSqlExpression fromSqlExpression)
        => throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("composing LINQ over FromSql (run the raw CQL as it is)"));
}
