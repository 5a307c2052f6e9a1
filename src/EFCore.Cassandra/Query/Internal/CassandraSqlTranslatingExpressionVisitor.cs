using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Translates LINQ expressions to CQL expressions. CQL computes nothing on columns (no arithmetic, no string
/// concatenation, no conversions), so such expressions are not translated: in the final projection EF then computes
/// them on the client over the selected columns, and in a filter the query fails with the reason and the remedy.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraSqlTranslatingExpressionVisitor(
    RelationalSqlTranslatingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    QueryableMethodTranslatingExpressionVisitor queryableMethodTranslatingExpressionVisitor)
    : RelationalSqlTranslatingExpressionVisitor(dependencies, queryCompilationContext, queryableMethodTranslatingExpressionVisitor)
{
    private const string ComputationDetails
        = "CQL computes nothing on columns (no arithmetic, string concatenation, conversions or functions); it compares "
            + "a column as stored with a value. Compute the value before the query and compare the column with it, or "
            + "filter the loaded rows in memory (AsEnumerable().Where(...)). In a final Select, computations run on the "
            + "client.";

    /// <inheritdoc />
    protected override Expression VisitBinary(BinaryExpression binaryExpression)
        => Refuse(base.VisitBinary(binaryExpression));

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
    {
        var translation = base.VisitMethodCall(methodCallExpression);
        if (translation == QueryCompilationContext.NotTranslatedExpression)
        {
            AddTranslationErrorDetails(ComputationDetails);
        }

        return Refuse(translation);
    }

    /// <inheritdoc />
    protected override Expression VisitUnary(UnaryExpression unaryExpression)
        => Refuse(base.VisitUnary(unaryExpression));

    private Expression Refuse(Expression translation)
    {
        if (translation is SqlBinaryExpression
            {
                OperatorType: ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide
                or ExpressionType.Modulo or ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr
            }
            or SqlUnaryExpression { OperatorType: ExpressionType.Convert or ExpressionType.Negate }
            or SqlFunctionExpression { Name: not ("COUNT" or "MIN" or "MAX" or "SUM" or "AVG" or "COALESCE") }
            or CaseExpression or LikeExpression)
        {
            AddTranslationErrorDetails(ComputationDetails);
            return QueryCompilationContext.NotTranslatedExpression;
        }

        return translation;
    }
}
