using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Creates <see cref="CassandraQuerySqlGenerator"/>s.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQuerySqlGeneratorFactory(QuerySqlGeneratorDependencies dependencies) : IQuerySqlGeneratorFactory
{
    /// <summary>The dependencies handed to every generator.</summary>
    protected virtual QuerySqlGeneratorDependencies Dependencies { get; } = dependencies;

    /// <inheritdoc />
    public virtual QuerySqlGenerator Create() => new CassandraQuerySqlGenerator(Dependencies);
}
