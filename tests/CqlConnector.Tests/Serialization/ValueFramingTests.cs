using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>The [value] framing (v4/v5 spec §3): [int] n then n bytes; -1 is null; -2 is unset (v4+).</summary>
public class ValueFramingTests
{
    [Theory]
    [InlineData(ProtocolVersion.V3)]
    [InlineData(ProtocolVersion.V4)]
    [InlineData(ProtocolVersion.V5)]
    public void Null_and_DBNull_are_length_minus_one(ProtocolVersion version)
    {
        Assert.Equal("FFFFFFFF", EncodeValue(null, CqlType.Int, version));
        Assert.Equal("FFFFFFFF", EncodeValue(DBNull.Value, CqlType.Text, version));
    }

    [Theory]
    [InlineData(ProtocolVersion.V4)]
    [InlineData(ProtocolVersion.V5)]
    public void Unset_is_length_minus_two_from_v4(ProtocolVersion version)
        => Assert.Equal("FFFFFFFE", EncodeValue(CqlUnset.Value, CqlType.Int, version));

    [Fact]
    public void Unset_on_v3_is_refused_with_advice()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EncodeValue(CqlUnset.Value, CqlType.Int, ProtocolVersion.V3));
        Assert.Contains("v3", e.Message, StringComparison.Ordinal);
        Assert.Contains("leave the column or parameter out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_is_length_prefixed_and_appended_after_existing_bytes()
    {
        using var writer = new CqlBufferWriter(4);
        writer.WriteByte(0xAA);
        CqlValueCodec.WriteValue(writer, "héllo wörld, a string longer than the initial buffer", CqlType.Text, ProtocolVersion.V4);
        var bytes = writer.WrittenSpan;
        Assert.Equal(0xAA, bytes[0]);
        Assert.Equal(bytes.Length - 5, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[1..]));
    }

    [Fact]
    public void Write_errors_name_the_clr_type_the_cql_type_and_what_to_pass()
    {
        var e = Assert.Throws<InvalidCastException>(() => EncodeValue("12", CqlType.Int));
        Assert.Contains("string", e.Message, StringComparison.Ordinal);
        Assert.Contains("CQL int", e.Message, StringComparison.Ordinal);
        Assert.Contains("pass an int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_errors_name_the_cql_type_the_requested_type_and_what_to_read_instead()
    {
        var e = Assert.Throws<InvalidCastException>(() => Read<short>("00000001", CqlType.Int));
        Assert.Contains("CQL int", e.Message, StringComparison.Ordinal);
        Assert.Contains("short", e.Message, StringComparison.Ordinal);
        Assert.Contains("read it as int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_empty_value_reads_as_null_for_nullable_targets_and_fails_clearly_otherwise()
    {
        Assert.Null(Read<int?>(string.Empty, CqlType.Int));
        Assert.Null(Read<DateTimeOffset?>(string.Empty, CqlType.Timestamp));
        Assert.Null(Read<object>(string.Empty, CqlType.Int) as int?);
        Assert.True(CqlValueCodec.IsEmptyLegacyValue([], CqlType.Int));
        Assert.False(CqlValueCodec.IsEmptyLegacyValue([], CqlType.Text));
        var e = Assert.Throws<CqlProtocolViolationException>(() => Read<int>(string.Empty, CqlType.Int));
        Assert.Contains("nullable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_length_is_a_protocol_violation()
        => Assert.Throws<CqlProtocolViolationException>(() => ReadObject("000001", CqlType.Int));

    [Fact]
    public void Nullable_and_object_requests_work()
    {
        Assert.Equal(5, Read<int?>("00000005", CqlType.Int));
        Assert.Equal(5L, Read<long?>("00000005", CqlType.Int));
        Assert.Equal(5, Read<object>("00000005", CqlType.Int));
    }

    [Fact]
    public void Default_clr_types_cover_every_type()
    {
        Assert.Equal(typeof(string), CqlValueCodec.GetDefaultClrType(CqlType.Ascii));
        Assert.Equal(typeof(string), CqlValueCodec.GetDefaultClrType(CqlType.Text));
        Assert.Equal(typeof(long), CqlValueCodec.GetDefaultClrType(CqlType.Bigint));
        Assert.Equal(typeof(long), CqlValueCodec.GetDefaultClrType(CqlType.Counter));
        Assert.Equal(typeof(byte[]), CqlValueCodec.GetDefaultClrType(CqlType.Blob));
        Assert.Equal(typeof(bool), CqlValueCodec.GetDefaultClrType(CqlType.Boolean));
        Assert.Equal(typeof(decimal), CqlValueCodec.GetDefaultClrType(CqlType.Decimal));
        Assert.Equal(typeof(double), CqlValueCodec.GetDefaultClrType(CqlType.Double));
        Assert.Equal(typeof(float), CqlValueCodec.GetDefaultClrType(CqlType.Float));
        Assert.Equal(typeof(int), CqlValueCodec.GetDefaultClrType(CqlType.Int));
        Assert.Equal(typeof(DateTimeOffset), CqlValueCodec.GetDefaultClrType(CqlType.Timestamp));
        Assert.Equal(typeof(Guid), CqlValueCodec.GetDefaultClrType(CqlType.Uuid));
        Assert.Equal(typeof(Guid), CqlValueCodec.GetDefaultClrType(CqlType.Timeuuid));
        Assert.Equal(typeof(System.Numerics.BigInteger), CqlValueCodec.GetDefaultClrType(CqlType.Varint));
        Assert.Equal(typeof(System.Net.IPAddress), CqlValueCodec.GetDefaultClrType(CqlType.Inet));
        Assert.Equal(typeof(DateOnly), CqlValueCodec.GetDefaultClrType(CqlType.Date));
        Assert.Equal(typeof(TimeOnly), CqlValueCodec.GetDefaultClrType(CqlType.Time));
        Assert.Equal(typeof(short), CqlValueCodec.GetDefaultClrType(CqlType.Smallint));
        Assert.Equal(typeof(sbyte), CqlValueCodec.GetDefaultClrType(CqlType.Tinyint));
        Assert.Equal(typeof(CqlDuration), CqlValueCodec.GetDefaultClrType(CqlType.Duration));
        Assert.Equal(typeof(List<int>), CqlValueCodec.GetDefaultClrType(CqlType.List(CqlType.Int)));
        Assert.Equal(typeof(HashSet<string>), CqlValueCodec.GetDefaultClrType(CqlType.Set(CqlType.Text)));
        Assert.Equal(typeof(Dictionary<string, List<int>>), CqlValueCodec.GetDefaultClrType(CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int))));
        Assert.Equal(typeof(Tuple<int?, string>), CqlValueCodec.GetDefaultClrType(CqlType.Tuple(CqlType.Int, CqlType.Text)));
        Assert.Equal(typeof(float[]), CqlValueCodec.GetDefaultClrType(CqlType.Vector(CqlType.Float, 3)));
        Assert.Equal(typeof(CqlUserDefinedValue), CqlValueCodec.GetDefaultClrType(CqlType.Udt("ks", "t", [new("a", CqlType.Int)])));
        Assert.Equal(typeof(byte[]), CqlValueCodec.GetDefaultClrType(CqlType.Custom("com.example.MyType")));
    }
}
