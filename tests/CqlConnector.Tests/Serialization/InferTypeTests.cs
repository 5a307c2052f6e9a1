using System.Net;
using System.Numerics;
using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Tests.Serialization;

/// <summary>CQL types inferred for values bound to an unprepared QUERY.</summary>
public class InferTypeTests
{
    private enum Small : short
    {
        A,
    }

    public static TheoryData<object, string> Scalars => new()
    {
        { "s", "text" },
        { 1, "int" },
        { 1L, "bigint" },
        { (short)1, "smallint" },
        { (sbyte)1, "tinyint" },
        { (ushort)1, "int" },
        { 1u, "bigint" },
        { 1ul, "varint" },
        { true, "boolean" },
        { 1f, "float" },
        { 1d, "double" },
        { 1m, "decimal" },
        { new CqlDecimal(1, 0), "decimal" },
        { BigInteger.One, "varint" },
        { Guid.Empty, "uuid" },
        { TimeUuid.NewTimeUuid(), "timeuuid" },
        { DateTime.UtcNow, "timestamp" },
        { DateTimeOffset.UtcNow, "timestamp" },
        { DateOnly.MinValue, "date" },
        { TimeOnly.MinValue, "time" },
        { new CqlDuration(1, 0, 0), "duration" },
        { IPAddress.Loopback, "inet" },
        { new byte[] { 1 }, "blob" },
        { new ReadOnlyMemory<byte>([1]), "blob" },
        { new ArraySegment<byte>([1]), "blob" },
        { Small.A, "smallint" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Scalar_types(object value, string cql) => Assert.Equal(cql, CqlValueCodec.InferType(value).ToString());

    [Fact]
    public void Collections_and_tuples()
    {
        Assert.Equal(CqlType.List(CqlType.Int), CqlValueCodec.InferType(new[] { 1, 2 }));
        Assert.Equal(CqlType.List(CqlType.Text), CqlValueCodec.InferType(new List<string>()));
        Assert.Equal(CqlType.List(CqlType.Int), CqlValueCodec.InferType(new List<object> { 1 }));
        Assert.Equal(CqlType.Set(CqlType.Uuid), CqlValueCodec.InferType(new HashSet<Guid>()));
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.Bigint), CqlValueCodec.InferType(new Dictionary<string, long>()));
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.Int), CqlValueCodec.InferType(new Dictionary<string, object> { ["a"] = 1 }));
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)), CqlValueCodec.InferType(new Dictionary<string, int[]>()));
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text), CqlValueCodec.InferType((1, "a")));
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text), CqlValueCodec.InferType(Tuple.Create(1, "a")));
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text), CqlValueCodec.InferType(((object)1, (object)"a")));

        var udt = CqlType.Udt("ks", "t", [new("a", CqlType.Int)]);
        Assert.Same(udt, CqlValueCodec.InferType(new CqlUserDefinedValue(udt)));
    }

    [Fact]
    public void Byte_is_refused_with_the_alternatives()
    {
        var e = Assert.Throws<ArgumentException>(() => CqlValueCodec.InferType((byte)1));
        Assert.Contains("sbyte", e.Message, StringComparison.Ordinal);
        Assert.Contains("byte[]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_types_and_empty_untyped_collections_are_refused_clearly()
    {
        var poco = Assert.Throws<ArgumentException>(() => CqlValueCodec.InferType(new { A = 1 }));
        Assert.Contains("CqlUserDefinedValue", poco.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CqlValueCodec.InferType(new List<object>()));
        Assert.Contains("CqlDuration", Assert.Throws<ArgumentException>(() => CqlValueCodec.InferType(TimeSpan.Zero)).Message, StringComparison.Ordinal);
    }
}
