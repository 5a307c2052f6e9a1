namespace CqlConnector;

/// <summary>
/// When to send an idempotent request to another node while the first has not answered yet (the first answer
/// wins). Never used for non-idempotent statements.
/// </summary>
public interface ICqlSpeculativeExecutionPolicy
{
    /// <summary>
    /// The delay before the next execution after <paramref name="executionsStarted"/> have started, or null for no
    /// further execution.
    /// </summary>
    TimeSpan? NextExecutionDelay(int executionsStarted);
}
