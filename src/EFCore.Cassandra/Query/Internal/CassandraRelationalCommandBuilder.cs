using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Builds <see cref="CassandraRelationalCommand"/>s.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraRelationalCommandBuilder(RelationalCommandBuilderDependencies dependencies) : RelationalCommandBuilder(dependencies)
{
    /// <inheritdoc />
    public override IRelationalCommand Build()
    {
        var command = (RelationalCommand)base.Build();
        return new CassandraRelationalCommand(Dependencies, command.CommandText, command.LogCommandText, command.Parameters);
    }
}
