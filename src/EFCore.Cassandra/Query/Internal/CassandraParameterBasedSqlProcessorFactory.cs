using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// Creates the processor that finishes a query once parameter values are known, always with relational (CQL) null
/// semantics.
/// </summary>
/// <remarks>
/// C# null semantics would be compensated with <c>IS NULL</c> and <c>OR</c> terms, neither of which exists in a CQL
/// WHERE clause; a comparison is therefore printed as the comparison CQL evaluates, and nullable filters are a
/// translation concern (rejected or rewritten before they reach CQL).
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraParameterBasedSqlProcessorFactory(RelationalParameterBasedSqlProcessorDependencies dependencies)
    : IRelationalParameterBasedSqlProcessorFactory
{
    /// <summary>The dependencies handed to every processor.</summary>
    protected virtual RelationalParameterBasedSqlProcessorDependencies Dependencies { get; } = dependencies;

    /// <inheritdoc />
    public virtual RelationalParameterBasedSqlProcessor Create(RelationalParameterBasedSqlProcessorParameters parameters)
        => new CassandraParameterBasedSqlProcessor(Dependencies, parameters with { UseRelationalNulls = true });
}
