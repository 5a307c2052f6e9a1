namespace CqlConnector;

/// <summary>How a load-balancing policy regards a node: local nodes get connections and requests first.</summary>
public enum HostDistance
{
    /// <summary>In the local data center: connected to, and tried first.</summary>
    Local,

    /// <summary>In another data center: connected to, tried after the local nodes.</summary>
    Remote,

    /// <summary>Never connected to nor tried.</summary>
    Ignored,
}
