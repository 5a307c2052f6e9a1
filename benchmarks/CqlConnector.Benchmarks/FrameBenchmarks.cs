using System.Buffers;
using BenchmarkDotNet.Attributes;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Benchmarks;

/// <summary>The hot path's frame work: encoding a prepared INSERT's EXECUTE, and decoding a one-row page.</summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private static readonly CqlType[] Types = [CqlType.Uuid, CqlType.Text, CqlType.Int, CqlType.Blob];
    private readonly CqlBufferWriter _writer = new(1024);
    private readonly object?[] _values = [Guid.NewGuid(), "name42", 42, new byte[100]];
    private readonly byte[] _id = new byte[16];
    private byte[] _rowsBody = [];

    [GlobalSetup]
    public void Setup()
    {
        // A Rows result with No_metadata (the prepared statement knows the columns) holding one row.
        using var writer = new CqlBufferWriter();
        writer.WriteInt32((int)ResultKind.Rows);
        writer.WriteInt32(0x0004);
        writer.WriteInt32(4);
        writer.WriteInt32(1);
        writer.WriteBytes(Guid.NewGuid().ToByteArray(bigEndian: true));
        writer.WriteBytes("name42"u8);
        writer.WriteBytes([0, 0, 0, 42]);
        writer.WriteBytes(new byte[100]);
        _rowsBody = writer.WrittenSpan.ToArray();
    }

    [Benchmark]
    public int EncodeExecute()
    {
        _writer.Reset();
        var request = new ExecuteRequest(_id, null, new QueryParameters { Values = _values, ValueTypes = Types, SkipMetadata = true });
        request.WriteFrame(_writer, ProtocolVersion.V4);
        return _writer.Position;
    }

    [Benchmark]
    public int DecodeOneRowPage()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_rowsBody.Length);
        _rowsBody.CopyTo(buffer, 0);
        var frame = new ResponseFrame(new FrameHeader(0x84, FrameFlags.None, 1, Opcode.Result, _rowsBody.Length), buffer, _rowsBody.Length);
        frame.ReadEnvelope();
        using var page = RowsPage.Read(frame, Columns)!;
        var cursor = new RowsPage.Cursor(page);
        cursor.MoveNext();
        return cursor.GetCell(1).Length;
    }

    private static readonly CqlColumn[] Columns =
    [
        new("bench", "t", "id", CqlType.Uuid), new("bench", "t", "name", CqlType.Text),
        new("bench", "t", "age", CqlType.Int), new("bench", "t", "payload", CqlType.Blob),
    ];
}
