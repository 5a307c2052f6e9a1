using System.Linq.Expressions;
using System.Reflection;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// <c>COUNT(*)</c> for <c>Count()</c>: CQL counts as bigint, so the value is read as a long and narrowed to the int
/// that Count() returns (checked: a count past int.MaxValue throws, as LINQ's Count does; use LongCount()).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlCountTypeMapping : IntTypeMapping
{
    private static readonly MethodInfo GetInt64 = typeof(System.Data.Common.DbDataReader).GetMethod(nameof(System.Data.Common.DbDataReader.GetInt64))!;

    /// <summary>The mapping.</summary>
    public static new CqlCountTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlCountTypeMapping()
        : base("bigint")
    {
    }

    /// <summary>Creates a copy with changed parameters.</summary>
    protected CqlCountTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlCountTypeMapping(parameters);

    /// <inheritdoc />
    public override MethodInfo GetDataReaderMethod() => GetInt64;

    /// <inheritdoc />
    public override Expression CustomizeDataReaderExpression(Expression expression)
        => Expression.ConvertChecked(expression, typeof(int));
}
