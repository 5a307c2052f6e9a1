using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Execution;

// §4.1.7: <type><n><query_1>...<query_n><consistency><flags>[<serial_consistency>][<timestamp>]; each query is
// <kind><string_or_id><n>[<value_1>...]; flags are a byte up to v4 and an int on v5.
public sealed class BatchRequestTests
{
    private static string Body(BatchRequest request, ProtocolVersion version)
    {
        using var writer = new CqlBufferWriter();
        request.WriteBody(writer, version);
        return Convert.ToHexString(writer.WrittenSpan);
    }

    [Fact]
    public void Unlogged_batch_of_text_and_prepared_entries_encodes_per_spec()
    {
        var request = new BatchRequest(BatchType.Unlogged,
        [
            new BatchRequest.Entry("A", null, [1], null),
            new BatchRequest.Entry(null, [0xAB, 0xCD], ["x"], [CqlType.Text]),
        ])
        { Consistency = ConsistencyLevel.Quorum };

        Assert.Equal(
            "01" + "0002"
            + "00" + "00000001" + "41" + "0001" + "00000004" + "00000001"
            + "01" + "0002" + "ABCD" + "0001" + "00000001" + "78"
            + "0004" + "00",
            Body(request, ProtocolVersion.V4));
    }

    [Fact]
    public void Serial_consistency_and_timestamp_set_their_flags_in_order()
    {
        var request = new BatchRequest(BatchType.Logged, [new BatchRequest.Entry("B", null, null, null)])
        {
            Consistency = ConsistencyLevel.One,
            SerialConsistency = ConsistencyLevel.LocalSerial,
            Timestamp = 0x0102030405060708,
        };

        Assert.Equal("00" + "0001" + "00" + "00000001" + "42" + "0000" + "0001" + "30" + "0009" + "0102030405060708", Body(request, ProtocolVersion.V3));
        Assert.Equal("00" + "0001" + "00" + "00000001" + "42" + "0000" + "0001" + "00000030" + "0009" + "0102030405060708", Body(request, ProtocolVersion.V5));
    }

    [Fact]
    public void Counter_batch_type_is_2()
    {
        var request = new BatchRequest(BatchType.Counter, [new BatchRequest.Entry("C", null, null, null)]);
        Assert.StartsWith("02", Body(request, ProtocolVersion.V4));
    }
}
