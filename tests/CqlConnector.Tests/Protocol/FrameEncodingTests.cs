using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Protocol;

/// <summary>Byte-exact request encodings and response decodings, from the layouts of native_protocol_v3/v4/v5.spec.</summary>
public sealed class FrameEncodingTests
{
    private static string Encode(CqlRequest request, ProtocolVersion version)
    {
        using var writer = new CqlBufferWriter();
        request.WriteFrame(writer, version);
        return Convert.ToHexString(writer.WrittenSpan);
    }

    [Fact]
    public void Options_is_a_bare_header_with_the_request_version()
    {
        // §2: version 0x03 (request), flags 0, stream 0, opcode OPTIONS 0x05, length 0.
        Assert.Equal("030000000500000000", Encode(OptionsRequest.Instance, ProtocolVersion.V3));
        Assert.Equal("040000000500000000", Encode(OptionsRequest.Instance, ProtocolVersion.V4));
    }

    [Fact]
    public void Startup_body_is_a_string_map()
    {
        var request = new StartupRequest(new Dictionary<string, string> { ["CQL_VERSION"] = "3.0.0" });
        // [short] 1, [string] "CQL_VERSION", [string] "3.0.0"; body length 0x16 = 22.
        Assert.Equal("0300000001" + "00000016" + "0001" + "000B" + "43514C5F56455253494F4E" + "0005" + "332E302E30",
            Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Query_without_values_has_consistency_and_a_flags_byte_on_v3_and_v4()
    {
        var request = new QueryRequest("USE ks", new QueryParameters { Consistency = ConsistencyLevel.One });
        // [long string] "USE ks", [consistency] ONE, flags byte 0.
        Assert.Equal("0300000007" + "0000000D" + "00000006" + "555345206B73" + "0001" + "00", Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Query_flags_are_an_int_on_v5()
    {
        var request = new QueryRequest("USE ks", new QueryParameters { Consistency = ConsistencyLevel.One });
        Assert.Equal("0500000007" + "00000010" + "00000006" + "555345206B73" + "0001" + "00000000", Encode(request, ProtocolVersion.V5));
    }

    [Fact]
    public void Query_with_page_size_paging_state_serial_consistency_and_timestamp()
    {
        var request = new QueryRequest("X", new QueryParameters
        {
            Consistency = ConsistencyLevel.Quorum,
            PageSize = 100,
            PagingState = [0xAB, 0xCD],
            SerialConsistency = ConsistencyLevel.LocalSerial,
            Timestamp = 0x0102030405060708,
        });
        // flags = 0x04 | 0x08 | 0x10 | 0x20 = 0x3C; then page size, paging state [bytes], serial consistency, timestamp.
        Assert.Equal(
            "0300000007" + "0000001C" + "0000000158" + "0004" + "3C" + "00000064" + "00000002ABCD" + "0009" + "0102030405060708",
            Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Execute_sends_the_id_as_short_bytes_and_values_with_their_prepared_types()
    {
        var request = new ExecuteRequest([0xCA, 0xFE], null, new QueryParameters
        {
            Consistency = ConsistencyLevel.One,
            Values = [null],
            ValueTypes = [CqlType.Int],
            SkipMetadata = true,
        });
        // [short bytes] id, consistency, flags 0x01|0x02, [short] 1 value, [value] null = -1.
        Assert.Equal("030000000A" + "0000000D" + "0002CAFE" + "0001" + "03" + "0001" + "FFFFFFFF", Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Execute_on_v5_carries_the_result_metadata_id()
    {
        var request = new ExecuteRequest([0x01], [0x02, 0x03], new QueryParameters { Consistency = ConsistencyLevel.One });
        Assert.Equal("050000000A" + "0000000D" + "000101" + "00020203" + "0001" + "00000000", Encode(request, ProtocolVersion.V5));
    }

    [Fact]
    public void Custom_payload_precedes_the_body_and_sets_its_flag()
    {
        var request = new QueryRequest("X", new QueryParameters { Consistency = ConsistencyLevel.One })
        {
            CustomPayload = new Dictionary<string, byte[]?> { ["k"] = [0x01] },
        };
        Assert.Equal("0404000007" + "00000012" + "0001" + "00016B" + "0000000101" + "0000000158" + "0001" + "00", Encode(request, ProtocolVersion.V4));
        Assert.Throws<NotSupportedException>(() => Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Header_round_trips_and_reads_the_response_bit()
    {
        var bytes = Convert.FromHexString("8408FFFF0C00000010");
        var header = FrameHeader.Read(bytes);
        Assert.True(header.IsResponse);
        Assert.Equal(ProtocolVersion.V4, header.ProtocolVersion);
        Assert.Equal(FrameFlags.Warning, header.Flags);
        Assert.Equal(-1, header.StreamId);
        Assert.Equal(Opcode.Event, header.Opcode);
        Assert.Equal(16, header.BodyLength);

        var written = new byte[FrameHeader.Size];
        header.Write(written);
        Assert.Equal(bytes, written);
    }
}
