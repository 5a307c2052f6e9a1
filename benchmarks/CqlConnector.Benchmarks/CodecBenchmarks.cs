using BenchmarkDotNet.Attributes;
using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Benchmarks;

/// <summary>Encoding and decoding the values of the bench table's columns, and a collection.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private static readonly CqlType ListOfInt = CqlType.List(CqlType.Int);
    private readonly CqlBufferWriter _writer = new(4096);
    private readonly Guid _uuid = Guid.NewGuid();
    private readonly List<int> _list = Enumerable.Range(0, 100).ToList();
    private byte[] _uuidBytes = [], _textBytes = [], _intBytes = [], _listBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _uuidBytes = Encode(_uuid, CqlType.Uuid);
        _textBytes = Encode("a short name", CqlType.Text);
        _intBytes = Encode(42, CqlType.Int);
        _listBytes = Encode(_list, ListOfInt);
    }

    private byte[] Encode(object value, CqlType type)
    {
        _writer.Reset();
        CqlValueCodec.WriteBytes(_writer, value, type);
        return _writer.WrittenSpan.ToArray();
    }

    [Benchmark]
    public int WriteRowValues()
    {
        _writer.Reset();
        CqlValueCodec.WriteValue(_writer, _uuid, CqlType.Uuid, CqlConnector.ProtocolVersion.V4);
        CqlValueCodec.WriteValue(_writer, "a short name", CqlType.Text, CqlConnector.ProtocolVersion.V4);
        CqlValueCodec.WriteValue(_writer, 42, CqlType.Int, CqlConnector.ProtocolVersion.V4);
        return _writer.Position;
    }

    [Benchmark]
    public Guid ReadUuid() => CqlValueCodec.Read<Guid>(_uuidBytes, CqlType.Uuid);

    [Benchmark]
    public string ReadText() => CqlValueCodec.Read<string>(_textBytes, CqlType.Text);

    [Benchmark]
    public int ReadInt() => CqlValueCodec.Read<int>(_intBytes, CqlType.Int);

    [Benchmark]
    public int WriteListOfInt()
    {
        _writer.Reset();
        CqlValueCodec.WriteValue(_writer, _list, ListOfInt, CqlConnector.ProtocolVersion.V4);
        return _writer.Position;
    }

    [Benchmark]
    public int ReadListOfInt() => CqlValueCodec.Read<List<int>>(_listBytes, ListOfInt).Count;
}
