using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// <c>collection CONTAINS value</c> (a list's or set's element, a map's value) or <c>map CONTAINS KEY key</c>: CQL's
/// restriction on a collection column, answered by a secondary index on the collection.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlContainsExpression(SqlExpression collection, SqlExpression item, bool key, RelationalTypeMapping? typeMapping)
    : SqlExpression(typeof(bool), typeMapping)
{
    /// <summary>The collection column.</summary>
    public SqlExpression Collection { get; } = collection;

    /// <summary>The element, value or key looked for.</summary>
    public SqlExpression Item { get; } = item;

    /// <summary>Whether this is <c>CONTAINS KEY</c> (a map's keys).</summary>
    public bool Key { get; } = key;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var collection = (SqlExpression)visitor.Visit(Collection);
        var item = (SqlExpression)visitor.Visit(Item);
        return Update(collection, item);
    }

    /// <summary>A copy with other operands, or this one when they are the same.</summary>
    public CqlContainsExpression Update(SqlExpression collection, SqlExpression item)
        => collection == Collection && item == Item ? this : new CqlContainsExpression(collection, item, Key, TypeMapping);

    /// <inheritdoc />
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries are not supported by the Cassandra provider.");

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Visit(Collection);
        expressionPrinter.Append(Key ? " CONTAINS KEY " : " CONTAINS ");
        expressionPrinter.Visit(Item);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is CqlContainsExpression other && Key == other.Key && Collection.Equals(other.Collection) && Item.Equals(other.Item);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Collection, Item, Key);
}
