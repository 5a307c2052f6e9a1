namespace CqlConnector;

/// <summary>
/// Decides whether a failed request is sent again. The driver calls it only for errors that may be transient; it
/// never retries a non-idempotent statement once it may have been applied unless the policy says so explicitly.
/// </summary>
public interface ICqlRetryPolicy
{
    /// <summary>The coordinator did not get enough replica answers to a read in time.</summary>
    RetryDecision OnReadTimeout(CqlReadTimeoutException error, bool isIdempotent, int retryCount);

    /// <summary>The coordinator did not get enough replica acknowledgements to a write in time.</summary>
    RetryDecision OnWriteTimeout(CqlWriteTimeoutException error, bool isIdempotent, int retryCount);

    /// <summary>The coordinator knew too few live replicas to try.</summary>
    RetryDecision OnUnavailable(CqlUnavailableException error, bool isIdempotent, int retryCount);

    /// <summary>
    /// Any other transient failure: the connection broke or the client timed out (the request may have been
    /// applied), or the coordinator was overloaded, bootstrapping or failed internally.
    /// </summary>
    RetryDecision OnRequestError(CqlException error, bool isIdempotent, int retryCount);
}
