namespace CqlConnector;

/// <summary>Options of a concurrent run (<see cref="CqlSession.ExecuteConcurrentAsync(IEnumerable{CqlStatement}, int, CqlConcurrentOptions?, CancellationToken)"/>).</summary>
public sealed class CqlConcurrentOptions
{
    /// <summary>
    /// Stop starting statements after the first failure. The statements already sent still complete; the results
    /// then end with the last statement started (in-order runs) or the stream ends after their results. Default:
    /// false (every statement runs; failures are captured in their results).
    /// </summary>
    public bool StopOnError { get; init; }
}
