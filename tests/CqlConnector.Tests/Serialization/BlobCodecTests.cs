using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>blob: any bytes (v5 §6.3).</summary>
public class BlobCodecTests
{
    [Fact]
    public void Round_trips()
    {
        Assert.Equal("CAFE00", Encode(new byte[] { 0xCA, 0xFE, 0x00 }, CqlType.Blob));
        Assert.Equal(new byte[] { 0xCA, 0xFE }, ReadObject("CAFE", CqlType.Blob));
        Assert.Equal("00000000", EncodeValue(Array.Empty<byte>(), CqlType.Blob));
        Assert.Empty(Read<byte[]>(string.Empty, CqlType.Blob));
    }

    [Fact]
    public void Memory_shapes_are_written_and_read()
    {
        var bytes = new byte[] { 1, 2, 3, 4 };
        Assert.Equal("0203", Encode(new ReadOnlyMemory<byte>(bytes, 1, 2), CqlType.Blob));
        Assert.Equal("0203", Encode(new Memory<byte>(bytes, 1, 2), CqlType.Blob));
        Assert.Equal("0203", Encode(new ArraySegment<byte>(bytes, 1, 2), CqlType.Blob));
        Assert.Equal(new byte[] { 1, 2 }, Read<ReadOnlyMemory<byte>>("0102", CqlType.Blob).ToArray());
        Assert.Equal(new byte[] { 1, 2 }, Read<Memory<byte>>("0102", CqlType.Blob).ToArray());
    }

    [Fact]
    public void Custom_types_read_as_their_bytes() => Assert.Equal(new byte[] { 9 }, ReadObject("09", CqlType.Custom("com.example.Foo")));

    [Fact]
    public void Strings_are_refused() => Assert.Throws<InvalidCastException>(() => Encode("CAFE", CqlType.Blob));
}
