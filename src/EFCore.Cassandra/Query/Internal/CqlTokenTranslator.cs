using System.Reflection;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Translates <c>EF.Functions.Token(...)</c> to CQL's <c>token(...)</c>.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlTokenTranslator(IRelationalTypeMappingSource typeMappingSource, ISqlExpressionFactory sqlExpressionFactory)
    : IMethodCallTranslator
{
    /// <inheritdoc />
    public virtual SqlExpression? Translate(
        SqlExpression? instance,
        MethodInfo method,
        IReadOnlyList<SqlExpression> arguments,
        IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        => method.DeclaringType == typeof(CassandraDbFunctionsExtensions) && method.Name == nameof(CassandraDbFunctionsExtensions.Token)
            ? new CqlTokenExpression(
                arguments.Skip(1).Select(a => sqlExpressionFactory.ApplyDefaultTypeMapping(a)).ToList(),
                typeMappingSource.FindMapping(typeof(long)))
            : null;
}
