namespace CqlConnector;

/// <summary>No speculative executions (the default).</summary>
public sealed class NoSpeculativeExecutionPolicy : ICqlSpeculativeExecutionPolicy
{
    /// <summary>The shared instance.</summary>
    public static NoSpeculativeExecutionPolicy Instance { get; } = new();

    /// <inheritdoc />
    public TimeSpan? NextExecutionDelay(int executionsStarted) => null;
}
