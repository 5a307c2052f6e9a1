using System.Linq.Expressions;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Prints a relational query expression as CQL: CQL reads one table and has no table aliases, so columns are printed
/// by name alone and the table by keyspace and name; <c>Take</c> becomes <c>LIMIT</c>; the query extensions become
/// <c>PER PARTITION LIMIT</c> and <c>ALLOW FILTERING</c>.
/// </summary>
/// <remarks>
/// What CQL can answer is checked before (<see cref="CqlSelectValidator"/>); the checks left here are the last line
/// of defence for shapes that reach the generator another way.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQuerySqlGenerator(QuerySqlGeneratorDependencies dependencies) : QuerySqlGenerator(dependencies)
{
    private int _selectDepth;
    private CqlQueryOptions _options = CqlQueryOptions.None;

    /// <summary>Generates the command and hands it the query's options (consistency, page size, paging).</summary>
    /// <inheritdoc />
    public override IRelationalCommand GetCommand(Expression queryExpression)
    {
        _options = queryExpression is SelectExpression select ? CqlQueryOptions.FromTags(select.Tags) : CqlQueryOptions.None;
        var command = base.GetCommand(queryExpression);
        if (command is CassandraRelationalCommand cassandra)
        {
            cassandra.CqlOptions = _options;
        }

        return command;
    }

    /// <summary>Prints the user's tags as comments; the option tags are not comments.</summary>
    /// <inheritdoc />
    protected override void GenerateTagsHeaderComment(ISet<string> tags)
        => base.GenerateTagsHeaderComment(tags.Where(t => !CqlQueryOptions.IsOptionTag(t)).ToHashSet());

    /// <summary>
    /// Prints <c>SELECT [DISTINCT] columns FROM "ks"."t" [WHERE ...] [ORDER BY ...] [PER PARTITION LIMIT n] [LIMIT n]
    /// [ALLOW FILTERING]</c> on one line: the whole grammar of a CQL read.
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
            if (_options.PerPartitionLimit is { } perPartitionLimit)
            {
                Sql.Append(" PER PARTITION LIMIT ").Append(perPartitionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            GenerateLimitOffset(selectExpression);
            if (_options.AllowFiltering)
            {
                Sql.Append(" ALLOW FILTERING");
            }
        }
        finally
        {
            _selectDepth--;
        }

        return selectExpression;
    }

    /// <summary>Prints each projected expression without an alias (CQL's <c>AS</c> would only rename the column).</summary>
    /// <inheritdoc />
    protected override Expression VisitProjection(ProjectionExpression projectionExpression)
    {
        Visit(projectionExpression.Expression);
        return projectionExpression;
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

    /// <summary><c>COUNT(*)</c> and CQL's other functions are printed by name with their arguments.</summary>
    /// <inheritdoc />
    protected override Expression VisitSqlFunction(SqlFunctionExpression sqlFunctionExpression)
    {
        if (sqlFunctionExpression is { IsBuiltIn: true, Instance: null, Arguments: { } arguments }
            && sqlFunctionExpression.Name.ToUpperInvariant() is "COUNT" or "MIN" or "MAX" or "SUM" or "AVG")
        {
            Sql.Append(sqlFunctionExpression.Name.ToUpperInvariant() == "COUNT" ? "COUNT" : sqlFunctionExpression.Name.ToLowerInvariant()).Append("(");
            GenerateList(arguments, a => Visit(a));
            Sql.Append(")");
            return sqlFunctionExpression;
        }

        return base.VisitSqlFunction(sqlFunctionExpression);
    }

    /// <summary><c>column IN :list</c> binds a whole list to one marker; <c>column IN (a, b)</c> lists values.</summary>
    /// <inheritdoc />
    protected override void GenerateIn(InExpression inExpression, bool negated)
    {
        if (negated || inExpression.Subquery is not null)
        {
            throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported(negated ? "NOT IN" : "IN with a subquery"));
        }

        Visit(inExpression.Item);
        Sql.Append(" IN ");
        if (inExpression.ValuesParameter is { } parameter)
        {
            Visit(parameter);
            return;
        }

        Sql.Append("(");
        GenerateList(inExpression.Values!, v => Visit(v));
        Sql.Append(")");
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression extensionExpression)
    {
        switch (extensionExpression)
        {
            case CqlContainsExpression contains:
                Visit(contains.Collection);
                Sql.Append(contains.Key ? " CONTAINS KEY " : " CONTAINS ");
                Visit(contains.Item);
                return contains;

            case CqlTokenExpression token:
                Sql.Append("token(");
                GenerateList(token.Arguments, a => Visit(a));
                Sql.Append(")");
                return token;

            default:
                return base.VisitExtension(extensionExpression);
        }
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

    /// <summary>
    /// Prints <c>DELETE FROM "ks"."t" WHERE ...</c> on one line: CQL has no aliases, joins or ordering in a DELETE.
    /// </summary>
    /// <inheritdoc />
    protected override Expression VisitDelete(DeleteExpression deleteExpression)
    {
        var select = deleteExpression.SelectExpression;
        if (select is not { Tables: [var table], Limit: null, Offset: null, Having: null, Orderings: [], GroupBy: [] }
            || !ReferenceEquals(table, deleteExpression.Table))
        {
            throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("ExecuteDelete over anything but a filtered table"));
        }

        Sql.Append("DELETE FROM ");
        Visit(deleteExpression.Table);
        GenerateWhere(select);
        return deleteExpression;
    }

    /// <summary>
    /// Prints <c>UPDATE "ks"."t" SET "c" = value, ... WHERE ...</c> on one line, each column by its name alone.
    /// </summary>
    /// <inheritdoc />
    protected override Expression VisitUpdate(UpdateExpression updateExpression)
    {
        var select = updateExpression.SelectExpression;
        if (select is not { Tables: [var table], Limit: null, Offset: null, Having: null, Orderings: [], GroupBy: [] }
            || !ReferenceEquals(table, updateExpression.Table))
        {
            throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("ExecuteUpdate over anything but a filtered table"));
        }

        Sql.Append("UPDATE ");
        Visit(updateExpression.Table);
        Sql.Append(" SET ");
        GenerateList(updateExpression.ColumnValueSetters, setter =>
        {
            Sql.Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(setter.Column.Name)).Append(" = ");
            Visit(setter.Value);
        });
        GenerateWhere(select);
        return updateExpression;
    }

    private void GenerateWhere(SelectExpression select)
    {
        if (select.Predicate is not null)
        {
            Sql.Append(" WHERE ");
            Visit(select.Predicate);
        }
    }

    /// <inheritdoc />
    protected override Expression VisitFromSql(FromSqlExpression fromSqlExpression)
        => throw new InvalidOperationException(CassandraStrings.QueryShapeNotSupported("composing LINQ over FromSql (run the raw CQL as it is)"));

    private void GenerateList<T>(IReadOnlyList<T> items, Action<T> generate)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Sql.Append(", ");
            }

            generate(items[i]);
        }
    }
}
