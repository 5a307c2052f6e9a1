using System.Net;
using CqlConnector.Cluster;

namespace CqlConnector.Tests.Cluster;

public sealed class TokenMapTests
{
    private static CqlHost Host(int last, string dc, params long[] tokens)
        => new(new IPEndPoint(IPAddress.Parse($"10.0.0.{last}"), 9042)) { Datacenter = dc, Tokens = tokens.Select(t => t.ToString()).ToArray() };

    [Fact]
    public void A_token_belongs_to_the_first_node_at_or_after_it_wrapping_around()
    {
        var a = Host(1, "dc1", -100);
        var b = Host(2, "dc1", 0);
        var c = Host(3, "dc1", 100);
        var map = TokenMap.Build([a, b, c], new Dictionary<string, ReplicationStrategy>())!;

        Assert.Same(b, map.GetReplicas("ks", -50)[0]);
        Assert.Same(b, map.GetReplicas("ks", 0)[0]);
        Assert.Same(c, map.GetReplicas("ks", 1)[0]);
        Assert.Same(a, map.GetReplicas("ks", 101)[0]);
    }

    [Fact]
    public void Simple_strategy_takes_the_next_distinct_nodes_on_the_ring()
    {
        var a = Host(1, "dc1", -100, 50);
        var b = Host(2, "dc1", 0);
        var c = Host(3, "dc1", 100);
        var map = TokenMap.Build([a, b, c], new Dictionary<string, ReplicationStrategy> { ["ks"] = new(2, null) })!;

        Assert.Equal([b, a], map.GetReplicas("ks", -10));
        Assert.Equal([c, a], map.GetReplicas("ks", 60));
    }

    [Fact]
    public void Network_topology_strategy_takes_the_factor_of_each_data_center()
    {
        var a = Host(1, "dc1", -100);
        var b = Host(2, "dc2", 0);
        var c = Host(3, "dc1", 100);
        var d = Host(4, "dc2", 200);
        var strategy = ReplicationStrategy.Parse("org.apache.cassandra.locator.NetworkTopologyStrategy", new Dictionary<string, string> { ["dc1"] = "1", ["dc2"] = "2" })!;
        var map = TokenMap.Build([a, b, c, d], new Dictionary<string, ReplicationStrategy> { ["ks"] = strategy })!;

        var replicas = map.GetReplicas("ks", -10);
        Assert.Equal([b, c, d], replicas);
    }

    [Fact]
    public void Non_murmur3_tokens_give_no_map()
    {
        Assert.Null(TokenMap.Build([new CqlHost(new IPEndPoint(IPAddress.Loopback, 9042)) { Tokens = ["abc"] }], new Dictionary<string, ReplicationStrategy>()));
    }
}
