namespace CqlConnector;

/// <summary>
/// Doubles the delay after each failed attempt, from <c>baseDelay</c> up to <c>maxDelay</c>, each delay jittered by
/// ±15% so that many clients do not reconnect in step. The defaults (100 ms up to 10 s) make the first attempts
/// sub-second: a node that restarts is served again within about a second of listening.
/// </summary>
public sealed class ExponentialReconnectionPolicy : ICqlReconnectionPolicy
{
    /// <summary>Creates the policy.</summary>
    public ExponentialReconnectionPolicy(TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100);
        MaxDelay = maxDelay ?? TimeSpan.FromSeconds(10);
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException($"The reconnection delays must satisfy 0 < base ({BaseDelay}) <= max ({MaxDelay}).");
        }
    }

    /// <summary>The first delay.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The longest delay.</summary>
    public TimeSpan MaxDelay { get; }

    /// <inheritdoc />
    public IEnumerable<TimeSpan> NewSchedule()
    {
        var delay = BaseDelay.TotalMilliseconds;
        while (true)
        {
            var jitter = 0.85 + (Random.Shared.NextDouble() * 0.3);
            yield return TimeSpan.FromMilliseconds(Math.Min(delay * jitter, MaxDelay.TotalMilliseconds));
            delay = Math.Min(delay * 2, MaxDelay.TotalMilliseconds);
        }
    }
}
