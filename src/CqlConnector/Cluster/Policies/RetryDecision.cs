namespace CqlConnector;

/// <summary>What to do after a request failed.</summary>
public enum RetryDecision
{
    /// <summary>Give up: the caller gets the error.</summary>
    Rethrow,

    /// <summary>Send the request again to the same node.</summary>
    RetrySameHost,

    /// <summary>Send the request to the next node of the query plan.</summary>
    RetryNextHost,
}
