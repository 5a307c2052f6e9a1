using CqlConnector;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage;

/// <summary>
/// Retries operations that failed on a transient Cassandra error: a timeout, an unavailable, overloaded or
/// bootstrapping node, or a lost connection. Work that may have been applied and is not idempotent (counter updates,
/// lightweight transactions) is never retried.
/// </summary>
public class CassandraRetryingExecutionStrategy : ExecutionStrategy
{
    /// <summary>The key of <see cref="Exception.Data"/> that marks a SaveChanges failure as unsafe to retry.</summary>
    public const string NotRetriableKey = "Cassandra.NotRetriable";

    /// <summary>Creates the strategy.</summary>
    /// <param name="dependencies">EF's execution strategy dependencies.</param>
    /// <param name="maxRetryCount">How many times to retry.</param>
    /// <param name="maxRetryDelay">The longest wait between tries.</param>
    public CassandraRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(dependencies, maxRetryCount, maxRetryDelay)
    {
    }

    /// <inheritdoc />
    protected override bool ShouldRetryOn(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException || exception.Data[NotRetriableKey] is true)
        {
            return false;
        }

        var inner = exception is DbUpdateException { InnerException: { } cause } ? cause : exception;
        return inner is CqlTimeoutException or CqlUnavailableException or CqlOverloadedException
            or CqlBootstrappingException or CqlConnectionException or CqlNoHostAvailableException
            or CqlWriteTimeoutException or CqlReadTimeoutException;
    }
}
