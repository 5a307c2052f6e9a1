using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Requests;
using CqlConnector.Serialization;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Protocol;

/// <summary>BATCH (§4.1.7 of native_protocol_v3/v4/v5.spec): byte-exact encodings, then accepted by the real node.</summary>
public sealed class BatchRequestTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    private static string Encode(CqlRequest request, ProtocolVersion version)
    {
        using var writer = new CqlBufferWriter();
        request.WriteFrame(writer, version);
        return Convert.ToHexString(writer.WrittenSpan);
    }

    [Fact]
    public void Logged_batch_of_a_query_and_a_prepared_statement_on_v3()
    {
        var request = new BatchRequest(BatchType.Logged,
        [
            new BatchRequest.Entry("X", null, null, null),
            new BatchRequest.Entry(null, [0xCA, 0xFE], [1], [CqlType.Int]),
        ])
        { Consistency = ConsistencyLevel.One };

        Assert.Equal(
            "030000000D0000001D" // header: v3 request, opcode BATCH, body 29 bytes
            + "00" + "0002"      // <type> logged, <n> 2
            + "00" + "0000000158" + "0000"                    // kind 0, [long string] "X", no values
            + "01" + "0002CAFE" + "0001" + "0000000400000001" // kind 1, [short bytes] id, 1 value: int 1
            + "0001" + "00",     // <consistency> ONE, <flags> byte 0
            Encode(request, ProtocolVersion.V3));
    }

    [Fact]
    public void Unlogged_batch_with_serial_consistency_and_default_timestamp_on_v4()
    {
        var request = new BatchRequest(BatchType.Unlogged, [new BatchRequest.Entry("Y", null, [null], [CqlType.Int])])
        {
            Consistency = ConsistencyLevel.LocalOne,
            SerialConsistency = ConsistencyLevel.LocalSerial,
            Timestamp = 0x0102030405060708,
        };

        Assert.Equal(
            "040000000D0000001C"
            + "01" + "0001"
            + "00" + "0000000159" + "0001" + "FFFFFFFF" // a null [value]
            + "000A" + "30"                             // LOCAL_ONE; flags 0x10 | 0x20
            + "0009" + "0102030405060708",              // LOCAL_SERIAL, timestamp
            Encode(request, ProtocolVersion.V4));
    }

    [Fact]
    public void Counter_batch_with_keyspace_and_now_in_seconds_has_int_flags_on_v5()
    {
        var request = new BatchRequest(BatchType.Counter, [new BatchRequest.Entry(null, [0x01], [CqlUnset.Value], [CqlType.Counter])])
        {
            Consistency = ConsistencyLevel.Quorum,
            Keyspace = "ks",
            NowInSeconds = 100,
        };

        Assert.Equal(
            "050000000D0000001B"
            + "02" + "0001"
            + "01" + "000101" + "0001" + "FFFFFFFE" // an unset [value] (-2)
            + "0004" + "00000180"                    // QUORUM; flags 0x80 | 0x100 as an [int]
            + "00026B73" + "00000064",               // [string] "ks", [int] 100
            Encode(request, ProtocolVersion.V5));
        Assert.Throws<NotSupportedException>(() => Encode(request, ProtocolVersion.V4));
    }

    [Fact]
    public void Named_values_set_flag_0x40_and_must_be_given_for_every_statement()
    {
        var named = new BatchRequest(BatchType.Logged, [new BatchRequest.Entry("Z", null, [null], [CqlType.Int], ["a"])])
        { Consistency = ConsistencyLevel.One };
        Assert.Equal("030000000D00000015" + "00" + "0001" + "00" + "000000015A" + "0001" + "000161" + "FFFFFFFF" + "0001" + "40",
            Encode(named, ProtocolVersion.V3));

        var mixed = new BatchRequest(BatchType.Logged, [new BatchRequest.Entry("Z", null, [1], null, ["a"]), new BatchRequest.Entry("W", null, null, null)]);
        Assert.Throws<ArgumentException>(() => Encode(mixed, ProtocolVersion.V3));
        Assert.Throws<ArgumentException>(() => Encode(new BatchRequest(BatchType.Logged, []), ProtocolVersion.V3));
    }

    [Fact]
    public async Task The_node_applies_a_logged_batch_of_query_and_prepared_entries_with_its_timestamp()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS batched (k int PRIMARY KEY, v text)");
        var session = fixture.DataSource.Session;
        var prepared = await session.PrepareAsync($"INSERT INTO {fixture.Keyspace}.batched (k, v) VALUES (?, ?)", IOBehavior.Asynchronous, default);
        var request = new BatchRequest(BatchType.Logged,
        [
            new BatchRequest.Entry($"INSERT INTO {fixture.Keyspace}.batched (k, v) VALUES (1, 'one')", null, null, null),
            new BatchRequest.Entry($"INSERT INTO {fixture.Keyspace}.batched (k, v) VALUES (?, ?)", null, [2, "two"], null),
            new BatchRequest.Entry(null, prepared.Id, [3, "three"], prepared.VariableTypes),
        ])
        {
            Consistency = ConsistencyLevel.One,
            Timestamp = 1_234_567_890_123_456,
        };

        using (await session.ExecuteAsync(request, new RequestOptions { Timeout = TimeSpan.FromSeconds(30) }, IOBehavior.Asynchronous, default))
        {
        }

        await using var select = fixture.DataSource.CreateCommand("SELECT k, v, WRITETIME(v) FROM batched");
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new SortedDictionary<int, string>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt32(0)] = reader.GetString(1);
            Assert.Equal(1_234_567_890_123_456, reader.GetInt64(2));
        }

        Assert.Equal(new Dictionary<int, string> { [1] = "one", [2] = "two", [3] = "three" }, rows);
    }
}
