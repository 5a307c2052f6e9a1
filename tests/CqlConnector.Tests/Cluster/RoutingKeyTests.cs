using CqlConnector.Cluster;
using CqlConnector.Execution;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Cluster;

public sealed class RoutingKeyTests
{
    private static PreparedMetadata Prepared(IReadOnlyList<int> partitionKeyIndexes, params (string Name, CqlType Type)[] variables) => new()
    {
        Id = [1],
        Variables = variables.Select(v => new CqlColumn("ks", "t", v.Name, v.Type)).ToArray(),
        PartitionKeyIndexes = partitionKeyIndexes,
        ResultMetadata = RowsMetadata.Empty,
    };

    [Fact]
    public void A_single_column_partition_key_is_the_serialized_value()
    {
        var prepared = Prepared([1], ("v", CqlType.Text), ("k", CqlType.Int));
        Assert.Equal(Convert.FromHexString("0000002A"), RoutingKey.Compute(prepared, ["x", 42]));
    }

    [Fact]
    public void A_composite_partition_key_follows_the_markers_partition_key_order()
    {
        // The table's partition key is (b, a): markers 1 then 0.
        var prepared = Prepared([1, 0], ("a", CqlType.Text), ("b", CqlType.Int));
        var expected = Murmur3Partitioner.ComposeRoutingKey([Convert.FromHexString("00000007"), "hi"u8.ToArray()]);
        Assert.Equal(expected, RoutingKey.Compute(prepared, ["hi", 7]));
        Assert.Equal(Convert.FromHexString("0004000000070000026869" + "00"), expected);
    }

    [Fact]
    public void Without_partition_key_indexes_or_with_a_null_key_there_is_no_routing_key()
    {
        Assert.Null(RoutingKey.Compute(Prepared([], ("k", CqlType.Int)), [1]));
        Assert.Null(RoutingKey.Compute(Prepared([0], ("k", CqlType.Int)), [null]));
    }

    [Fact]
    public void Keys_computed_one_after_another_share_no_bytes()
    {
        // The key is encoded into a reused per-thread buffer: a short key after a long one must not keep its tail,
        // and a returned key must not change when the next one is computed.
        var prepared = Prepared([0], ("k", CqlType.Text));
        var longKey = RoutingKey.Compute(prepared, [new string('x', 100_000)]);
        var shortKey = RoutingKey.Compute(prepared, ["hi"]);
        var again = RoutingKey.Compute(prepared, ["yo"]);
        Assert.Equal(100_000, longKey!.Length);
        Assert.Equal("hi"u8.ToArray(), shortKey);
        Assert.Equal("yo"u8.ToArray(), again);
    }
}
