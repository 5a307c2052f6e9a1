using System.Net;

namespace CqlConnector.Cluster;

/// <summary>One node as described by a row of system.local, system.peers or system.peers_v2.</summary>
internal sealed record HostInfo(IPEndPoint EndPoint, string? Datacenter, string? Rack, string? ReleaseVersion, Guid? HostId, IReadOnlyList<string> Tokens)
{
    /// <summary>The node the control connection is connected to, reachable at <paramref name="endPoint"/>.</summary>
    public static HostInfo FromLocal(IReadOnlyDictionary<string, object?> row, IPEndPoint endPoint) => new(
        endPoint,
        row.GetValueOrDefault("data_center") as string,
        row.GetValueOrDefault("rack") as string,
        row.GetValueOrDefault("release_version") as string,
        row.GetValueOrDefault("host_id") as Guid?,
        ReadTokens(row));

    /// <summary>A peer; its native address is native_address/native_port (peers_v2), or rpc_address, or peer when rpc_address is 0.0.0.0.</summary>
    public static HostInfo? FromPeer(IReadOnlyDictionary<string, object?> row, int defaultPort)
    {
        var address = row.GetValueOrDefault("native_address") as IPAddress ?? row.GetValueOrDefault("rpc_address") as IPAddress;
        if (address is null || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            address = row.GetValueOrDefault("peer") as IPAddress;
        }

        if (address is null)
        {
            return null;
        }

        var port = row.GetValueOrDefault("native_port") as int? ?? defaultPort;
        return new HostInfo(
            new IPEndPoint(address, port),
            row.GetValueOrDefault("data_center") as string,
            row.GetValueOrDefault("rack") as string,
            row.GetValueOrDefault("release_version") as string,
            row.GetValueOrDefault("host_id") as Guid?,
            ReadTokens(row));
    }

    private static IReadOnlyList<string> ReadTokens(IReadOnlyDictionary<string, object?> row)
        => row.GetValueOrDefault("tokens") is IEnumerable<string> tokens ? [.. tokens] : [];
}
