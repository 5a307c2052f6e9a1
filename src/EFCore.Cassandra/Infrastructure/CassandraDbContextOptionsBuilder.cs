using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EntityFrameworkCore.Cassandra.Infrastructure;

/// <summary>
/// Cassandra-specific configuration of a context, passed to the callback of
/// <c>UseCassandra(connectionString, o => ...)</c>.
/// </summary>
public class CassandraDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder)
    : RelationalDbContextOptionsBuilder<CassandraDbContextOptionsBuilder, CassandraOptionsExtension>(optionsBuilder)
{
    /// <summary>
    /// The keyspace of the tables whose mapping names none (a table mapped with <c>ToTable(name, keyspace)</c> or a
    /// model with <c>HasDefaultSchema</c> says otherwise). Defaults to the connection string's <c>Keyspace</c>.
    /// </summary>
    /// <param name="keyspace">The keyspace name, exactly as stored (CQL identifiers are quoted, so case matters).</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder Keyspace(string keyspace)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyspace);
        return WithOption(e => e.WithKeyspace(keyspace));
    }
}
