using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EntityFrameworkCore.Cassandra.Metadata.Conventions;

/// <summary>
/// Makes the configured keyspace (the <c>Keyspace</c> option, else the connection string's) the model's default
/// schema, so every table, query and statement names its keyspace explicitly and nothing depends on a session's
/// current keyspace. <c>HasDefaultSchema</c> and <c>ToTable(name, keyspace)</c> in the model take precedence.
/// </summary>
/// <param name="keyspace">The configured keyspace, or <see langword="null"/> when none is configured.</param>
public class CassandraKeyspaceConvention(string? keyspace) : IModelInitializedConvention
{
    /// <inheritdoc />
    public virtual void ProcessModelInitialized(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        if (keyspace is not null)
        {
            modelBuilder.HasDefaultSchema(keyspace);
        }
    }
}
