namespace CqlConnector;

/// <summary>How long to wait between attempts to reconnect to a node that went down.</summary>
public interface ICqlReconnectionPolicy
{
    /// <summary>A new, endless schedule of delays, one per attempt, starting at the first attempt.</summary>
    IEnumerable<TimeSpan> NewSchedule();
}
