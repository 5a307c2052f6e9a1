namespace CqlConnector;

/// <summary>Starts up to <paramref name="maxSpeculativeExecutions"/> more executions, each <paramref name="delay"/> after the previous one.</summary>
public sealed class ConstantSpeculativeExecutionPolicy(TimeSpan delay, int maxSpeculativeExecutions = 1) : ICqlSpeculativeExecutionPolicy
{
    /// <inheritdoc />
    public TimeSpan? NextExecutionDelay(int executionsStarted) => executionsStarted <= maxSpeculativeExecutions ? delay : null;
}
