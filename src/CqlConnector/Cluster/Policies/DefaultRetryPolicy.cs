namespace CqlConnector;

/// <summary>
/// The conservative retry policy of the production drivers: one retry where it can only help, and never a retry of
/// a non-idempotent statement that may already have been applied.
/// </summary>
public sealed class DefaultRetryPolicy : ICqlRetryPolicy
{
    /// <summary>The shared instance.</summary>
    public static DefaultRetryPolicy Instance { get; } = new();

    /// <summary>
    /// Retries once on the same node when enough replicas answered but the data itself was missing (a digest-only
    /// answer): the next try will most likely get it.
    /// </summary>
    public RetryDecision OnReadTimeout(CqlReadTimeoutException error, bool isIdempotent, int retryCount)
        => retryCount == 0 && error.Received >= error.Required && !error.DataPresent ? RetryDecision.RetrySameHost : RetryDecision.Rethrow;

    /// <summary>Retries once a batch-log write of an idempotent statement (the batch was not applied yet).</summary>
    public RetryDecision OnWriteTimeout(CqlWriteTimeoutException error, bool isIdempotent, int retryCount)
        => retryCount == 0 && isIdempotent && error.WriteType == "BATCH_LOG" ? RetryDecision.RetrySameHost : RetryDecision.Rethrow;

    /// <summary>Tries the next node once: another coordinator may see more live replicas.</summary>
    public RetryDecision OnUnavailable(CqlUnavailableException error, bool isIdempotent, int retryCount)
        => retryCount == 0 ? RetryDecision.RetryNextHost : RetryDecision.Rethrow;

    /// <summary>Tries the next node for an idempotent statement; a non-idempotent one is only re-sent when it never reached a node.</summary>
    public RetryDecision OnRequestError(CqlException error, bool isIdempotent, int retryCount)
        => isIdempotent ? RetryDecision.RetryNextHost : RetryDecision.Rethrow;
}
