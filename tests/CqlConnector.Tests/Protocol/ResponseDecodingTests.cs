using System.Buffers;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Protocol;

public sealed class ResponseDecodingTests
{
    private static ResponseFrame Frame(FrameFlags flags, Opcode opcode, string hexBody, byte version = 0x84)
    {
        var body = Convert.FromHexString(hexBody);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        body.CopyTo(buffer, 0);
        var frame = new ResponseFrame(new FrameHeader(version, flags, 1, opcode, body.Length), buffer, body.Length);
        frame.ReadEnvelope();
        return frame;
    }

    [Fact]
    public void Unavailable_error_carries_consistency_required_and_alive()
    {
        // code 0x1000, [string] "x", consistency QUORUM, required 3, alive 1.
        var error = Assert.IsType<CqlUnavailableException>(
            ErrorResponse.ToException(Convert.FromHexString("00001000" + "000178" + "0004" + "00000003" + "00000001"), ProtocolVersion.V4));
        Assert.Equal(ConsistencyLevel.Quorum, error.Consistency);
        Assert.Equal(3, error.Required);
        Assert.Equal(1, error.Received);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void Write_timeout_error_carries_the_write_type()
    {
        var error = Assert.IsType<CqlWriteTimeoutException>(ErrorResponse.ToException(
            Convert.FromHexString("00001100" + "000178" + "0001" + "00000000" + "00000001" + "0006" + "53494D504C45"), ProtocolVersion.V3));
        Assert.Equal("SIMPLE", error.WriteType);
        Assert.Equal(1, error.Required);
    }

    [Fact]
    public void Read_failure_reads_a_count_on_v4_and_a_reason_map_on_v5()
    {
        var v4 = Assert.IsType<CqlReadFailureException>(ErrorResponse.ToException(
            Convert.FromHexString("00001300" + "000178" + "0001" + "00000000" + "00000001" + "00000002" + "01"), ProtocolVersion.V4));
        Assert.Equal(2, v4.Failures);
        Assert.True(v4.DataPresent);

        var v5 = Assert.IsType<CqlReadFailureException>(ErrorResponse.ToException(
            Convert.FromHexString("00001300" + "000178" + "0001" + "00000000" + "00000001" + "00000001" + "047F000001" + "0000" + "00"), ProtocolVersion.V5));
        Assert.Equal(1, v5.Failures);
        Assert.False(v5.DataPresent);
    }

    [Fact]
    public void Unprepared_error_carries_the_statement_id()
    {
        var error = Assert.IsType<CqlUnpreparedException>(ErrorResponse.ToException(Convert.FromHexString("00002500" + "000178" + "0002BEEF"), ProtocolVersion.V4));
        Assert.Equal(new byte[] { 0xBE, 0xEF }, error.StatementId);
    }

    [Fact]
    public void Unknown_error_code_becomes_a_CqlServerException_with_the_code()
    {
        var error = ErrorResponse.ToException(Convert.FromHexString("00009999" + "000178"), ProtocolVersion.V4);
        Assert.Equal((CqlErrorCode)0x9999, error.Code);
        Assert.Contains("0x9999", error.Message);
    }

    [Fact]
    public void Envelope_reads_tracing_id_then_warnings_then_custom_payload()
    {
        var frame = Frame(FrameFlags.Tracing | FrameFlags.Warning | FrameFlags.CustomPayload, Opcode.Result,
            "000102030405060708090A0B0C0D0E0F" + "0001" + "0001" + "77" + "0001" + "0001" + "6B" + "0000000101" + "00000001");
        Assert.Equal(new Guid(Convert.FromHexString("000102030405060708090A0B0C0D0E0F"), bigEndian: true), frame.TracingId);
        Assert.Equal(["w"], frame.Warnings!);
        Assert.Equal(new byte[] { 1 }, frame.CustomPayload!["k"]);
        Assert.Equal(Convert.FromHexString("00000001"), frame.Body.ToArray());
        frame.Dispose();
    }

    [Fact]
    public void Rows_result_is_decoded_lazily_with_nulls_and_paging_state()
    {
        // kind Rows; flags Global_tables_spec|Has_more_pages; 2 columns; paging state 0x01; ks "k", table "t";
        // columns a:int, b:varchar; 2 rows: (1, "x"), (2, null).
        var frame = Frame(FrameFlags.None, Opcode.Result,
            "00000002" + "00000003" + "00000002" + "0000000101" + "00016B" + "000174"
            + "000161" + "0009" + "000162" + "000D"
            + "00000002"
            + "00000004" + "00000001" + "00000001" + "78"
            + "00000004" + "00000002" + "FFFFFFFF");
        using var page = RowsPage.Read(frame, null)!;
        Assert.Equal(2, page.RowCount);
        Assert.Equal(new byte[] { 1 }, page.PagingState);
        Assert.Equal(["a", "b"], page.Columns.Select(c => c.Name));
        Assert.Equal(CqlType.Text, page.Columns[1].Type);

        var cursor = new RowsPage.Cursor(page);
        Assert.True(cursor.MoveNext());
        Assert.Equal(Convert.FromHexString("00000001"), cursor.GetCell(0).ToArray());
        Assert.Equal("x"u8.ToArray(), cursor.GetCell(1).ToArray());
        Assert.True(cursor.MoveNext());
        Assert.True(cursor.IsNull(1));
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void Prepared_result_on_v4_has_partition_key_indexes()
    {
        var reader = new CqlReader(Convert.FromHexString(
            "0002ABCD" + "00000001" + "00000001" + "00000001" + "0000" + "00016B" + "000174" + "000269640009"
            + "00000004" + "00000000"));
        var prepared = PreparedMetadata.Read(ref reader, ProtocolVersion.V4);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, prepared.Id);
        Assert.Equal([0], prepared.PartitionKeyIndexes);
        Assert.Equal("id", prepared.Variables[0].Name);
        Assert.Equal(CqlType.Int, prepared.Variables[0].Type);
        Assert.Null(prepared.ResultMetadata.Columns);
    }

    [Fact]
    public void Truncated_body_raises_a_protocol_violation()
    {
        Assert.Throws<CqlProtocolViolationException>(() => ErrorResponse.ToException(Convert.FromHexString("00001000" + "0005"), ProtocolVersion.V4));
    }
}
