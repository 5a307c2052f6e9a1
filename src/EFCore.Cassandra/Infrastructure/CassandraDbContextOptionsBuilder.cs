using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Storage;

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

    /// <summary>
    /// The most statements SaveChanges keeps in flight at once (default 128). Each entity is one statement (or shares
    /// an unlogged batch with others of its partition); they run concurrently through the driver's executor.
    /// </summary>
    /// <param name="maxStatementsInFlight">At least 1.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder MaxStatementsInFlight(int maxStatementsInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxStatementsInFlight);
        return WithOption(e => e.WithMaxStatementsInFlight(maxStatementsInFlight));
    }

    /// <summary>
    /// The most statements of one partition that share an unlogged batch (default 16; 1 sends every statement on
    /// its own). Lightweight transactions and counter updates are always sent on their own.
    /// </summary>
    /// <param name="maxStatementsPerBatch">At least 1.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder MaxStatementsPerBatch(int maxStatementsPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxStatementsPerBatch);
        return WithOption(e => e.WithMaxStatementsPerBatch(maxStatementsPerBatch));
    }

    /// <summary>
    /// Sends the whole of each SaveChanges as one LOGGED batch: Cassandra applies either all of its statements or
    /// none (eventually, through the batch log), at the cost of an extra round of writes. A failure then names every
    /// entry. Counter updates go in a separate counter batch (Cassandra cannot mix them).
    /// </summary>
    /// <param name="useLoggedBatch">Whether to use one logged batch.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder UseLoggedBatch(bool useLoggedBatch = true)
        => WithOption(e => e.WithLoggedBatch(useLoggedBatch));

    /// <summary>The consistency of SaveChanges writes and of lightweight transactions' Paxos phase.</summary>
    /// <param name="consistency">The consistency of writes (e.g. LocalQuorum).</param>
    /// <param name="serialConsistency">Serial or LocalSerial, for lightweight transactions; null for the node's default.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder DefaultConsistency(ConsistencyLevel consistency, ConsistencyLevel? serialConsistency = null)
        => WithOption(e => e.WithConsistency(consistency, serialConsistency));

    /// <summary>
    /// The Cassandra version queries are translated for (e.g. <c>"2.1"</c>, <c>"4.1.3"</c>). By default it is read from
    /// the connected server when a query is first compiled; configure it to translate without a server, or to be sure
    /// that no query needs more than the oldest node of a cluster being upgraded can answer.
    /// </summary>
    /// <param name="version">The release version, as <c>major.minor[.patch]</c>.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder ServerVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var parsed = Query.Internal.CqlServerVersion.Parse(version)
            ?? throw new ArgumentException($"'{version}' is not a Cassandra version; write it as major.minor[.patch], e.g. \"4.1\".", nameof(version));
        return WithOption(e => e.WithServerVersion(parsed));
    }

    /// <summary>How long each SaveChanges request may take (default: the connection string's Command Timeout).</summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder RequestTimeout(TimeSpan timeout)
        => WithOption(e => e.WithRequestTimeout(timeout));

    /// <summary>
    /// Retries a failed operation on transient errors (timeouts, unavailable or overloaded nodes, lost connections),
    /// with exponential back-off. SaveChanges is retried only when every failed statement was idempotent (no counter
    /// update, no lightweight transaction), and a retry sends only the entries that failed (the others were saved).
    /// </summary>
    /// <param name="maxRetryCount">How many times to retry.</param>
    /// <param name="maxRetryDelay">The longest wait between tries.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual CassandraDbContextOptionsBuilder EnableRetryOnFailure(int maxRetryCount = 6, TimeSpan? maxRetryDelay = null)
        => ExecutionStrategy(d => new CassandraRetryingExecutionStrategy(d, maxRetryCount, maxRetryDelay ?? TimeSpan.FromSeconds(30)));
}
