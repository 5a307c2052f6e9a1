using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Creates <see cref="CassandraRelationalCommandBuilder"/>s (every command EF builds, also rented ones).</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraRelationalCommandBuilderFactory(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilderFactory(dependencies)
{
    /// <inheritdoc />
    public override IRelationalCommandBuilder Create() => new CassandraRelationalCommandBuilder(Dependencies);
}
