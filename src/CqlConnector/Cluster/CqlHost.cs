using System.Net;

namespace CqlConnector;

/// <summary>
/// A node of the cluster as the driver sees it: where it listens, where it sits (data center, rack), what it owns
/// (tokens) and whether the driver can currently reach it.
/// </summary>
public sealed class CqlHost
{
    private volatile bool _isUp = true;

    internal CqlHost(IPEndPoint endPoint)
    {
        EndPoint = endPoint;
    }

    /// <summary>The native-protocol address and port the driver connects to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The node's data center, from system.local / system.peers.</summary>
    public string? Datacenter { get; internal set; }

    /// <summary>The node's rack.</summary>
    public string? Rack { get; internal set; }

    /// <summary>The node's Cassandra release version, e.g. "2.1.0".</summary>
    public string? ReleaseVersion { get; internal set; }

    /// <summary>The node's host id.</summary>
    public Guid? HostId { get; internal set; }

    /// <summary>The tokens the node owns on the ring (as the partitioner writes them).</summary>
    public IReadOnlyList<string> Tokens { get; internal set; } = [];

    /// <summary>
    /// Whether the driver considers the node reachable. A node is marked down when its connections fail and up
    /// again when a reconnection succeeds or the cluster reports it up.
    /// </summary>
    public bool IsUp => _isUp;

    /// <summary>When the node was last marked down (UTC), or null.</summary>
    public DateTimeOffset? DownSince { get; private set; }

    internal bool SetDown()
    {
        if (!_isUp)
        {
            return false;
        }

        _isUp = false;
        DownSince = DateTimeOffset.UtcNow;
        return true;
    }

    internal bool SetUp()
    {
        if (_isUp)
        {
            return false;
        }

        _isUp = true;
        DownSince = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{EndPoint} ({Datacenter ?? "?"}/{Rack ?? "?"}, {(IsUp ? "up" : "down")})";
}
