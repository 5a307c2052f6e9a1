using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// <c>token(a, b, …)</c>: the partitioner's token of a partition key (of the row's columns, or of given values),
/// the only way CQL compares partition keys by range.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CqlTokenExpression(IReadOnlyList<SqlExpression> arguments, RelationalTypeMapping? typeMapping)
    : SqlExpression(typeof(long), typeMapping)
{
    /// <summary>The partition key columns, or the values of a partition key.</summary>
    public IReadOnlyList<SqlExpression> Arguments { get; } = arguments;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var changed = false;
        var arguments = new SqlExpression[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = (SqlExpression)visitor.Visit(Arguments[i]);
            changed |= arguments[i] != Arguments[i];
        }

        return changed ? new CqlTokenExpression(arguments, TypeMapping) : this;
    }

    /// <summary>Visits the arguments with <paramref name="visitor"/>.</summary>
    public Expression VisitChildrenWith(ExpressionVisitor visitor) => VisitChildren(visitor);

    /// <inheritdoc />
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries are not supported by the Cassandra provider.");

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("token(");
        expressionPrinter.VisitCollection(Arguments);
        expressionPrinter.Append(")");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is CqlTokenExpression other && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var argument in Arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }
}
