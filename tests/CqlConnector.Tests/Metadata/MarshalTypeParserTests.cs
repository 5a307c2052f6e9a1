using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Metadata;

public sealed class MarshalTypeParserTests
{
    private const string M = "org.apache.cassandra.db.marshal.";

    public static TheoryData<string, CqlType> SimpleTypes => new()
    {
        { M + "AsciiType", CqlType.Ascii },
        { M + "LongType", CqlType.Bigint },
        { M + "BytesType", CqlType.Blob },
        { M + "BooleanType", CqlType.Boolean },
        { M + "CounterColumnType", CqlType.Counter },
        { M + "DecimalType", CqlType.Decimal },
        { M + "DoubleType", CqlType.Double },
        { M + "FloatType", CqlType.Float },
        { M + "Int32Type", CqlType.Int },
        { M + "DateType", CqlType.Timestamp },
        { M + "TimestampType", CqlType.Timestamp },
        { M + "UUIDType", CqlType.Uuid },
        { M + "UTF8Type", CqlType.Text },
        { M + "IntegerType", CqlType.Varint },
        { M + "TimeUUIDType", CqlType.Timeuuid },
        { M + "InetAddressType", CqlType.Inet },
        { M + "SimpleDateType", CqlType.Date },
        { M + "TimeType", CqlType.Time },
        { M + "ShortType", CqlType.Smallint },
        { M + "ByteType", CqlType.Tinyint },
        { M + "DurationType", CqlType.Duration },
        { "Int32Type", CqlType.Int },
    };

    [Theory]
    [MemberData(nameof(SimpleTypes))]
    public void Simple_types(string className, CqlType expected)
    {
        var parsed = MarshalTypeParser.Parse(className);
        Assert.Equal(expected, parsed.Type);
        Assert.False(parsed.IsFrozen);
        Assert.False(parsed.IsReversed);
    }

    [Fact]
    public void Collections_nest()
    {
        var parsed = MarshalTypeParser.Parse($"{M}MapType({M}UTF8Type,{M}FrozenType({M}ListType({M}Int32Type)))");
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.List(CqlType.Int)), parsed.Type);
        Assert.False(parsed.IsFrozen);
        Assert.Equal(CqlType.Set(CqlType.Timeuuid), MarshalTypeParser.Parse($"{M}SetType({M}TimeUUIDType)").Type);
    }

    [Fact]
    public void Reversed_marks_a_descending_clustering_column()
    {
        var parsed = MarshalTypeParser.Parse($"{M}ReversedType({M}TimeUUIDType)");
        Assert.Equal(CqlType.Timeuuid, parsed.Type);
        Assert.True(parsed.IsReversed);
    }

    [Fact]
    public void Frozen_at_the_top_is_kept()
    {
        var parsed = MarshalTypeParser.Parse($"{M}FrozenType({M}TupleType({M}Int32Type,{M}UTF8Type))");
        Assert.Equal(CqlType.Tuple(CqlType.Int, CqlType.Text), parsed.Type);
        Assert.True(parsed.IsFrozen);
    }

    [Fact]
    public void User_type_names_and_fields_are_hex_encoded()
    {
        // "address" = 61646472657373, "street" = 737472656574, "zip" = 7a6970, "phones" = 70686f6e6573
        var parsed = MarshalTypeParser.Parse(
            $"{M}FrozenType({M}UserType(shop,61646472657373,737472656574:{M}UTF8Type,7a6970:{M}Int32Type,70686f6e6573:{M}FrozenType({M}SetType({M}UTF8Type))))");
        Assert.True(parsed.IsFrozen);
        Assert.Equal(
            CqlType.Udt("shop", "address", [new("street", CqlType.Text), new("zip", CqlType.Int), new("phones", CqlType.Set(CqlType.Text))]),
            parsed.Type);
    }

    [Fact]
    public void Vector_and_unknown_custom_types()
    {
        Assert.Equal(CqlType.Vector(CqlType.Float, 3), MarshalTypeParser.Parse($"{M}VectorType({M}FloatType,3)").Type);
        var custom = MarshalTypeParser.Parse($"{M}DynamicCompositeType(a=>{M}UTF8Type)").Type;
        Assert.Equal(CqlTypeCode.Custom, custom.Code);
        Assert.Equal($"{M}DynamicCompositeType(a=>{M}UTF8Type)", custom.CustomClassName);
        Assert.Equal("org.example.Geo", MarshalTypeParser.Parse("org.example.Geo").Type.CustomClassName);
    }

    [Fact]
    public void Composite_comparator_lists_clustering_components_and_collections()
    {
        // 2.1 comparator of PRIMARY KEY (k, at, seq) WITH CLUSTERING ORDER BY (at DESC) and a map column "scores" (73636f726573).
        var (components, collections) = MarshalTypeParser.ParseComparator(
            $"{M}CompositeType({M}ReversedType({M}TimeUUIDType),{M}Int32Type,{M}UTF8Type,{M}ColumnToCollectionType(73636f726573:{M}MapType({M}UTF8Type,{M}Int32Type)))");
        Assert.Equal([CqlType.Timeuuid, CqlType.Int, CqlType.Text], components.Select(c => c.Type));
        Assert.Equal([true, false, false], components.Select(c => c.IsReversed));
        Assert.Equal(CqlType.Map(CqlType.Text, CqlType.Int), Assert.Single(collections, c => c.Key == "scores").Value);

        var (single, none) = MarshalTypeParser.ParseComparator($"{M}UTF8Type");
        Assert.Equal(CqlType.Text, Assert.Single(single).Type);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(M + "ListType(" + M + "Int32Type")]
    [InlineData(M + "MapType(" + M + "Int32Type)")]
    [InlineData(M + "Int32Type)")]
    [InlineData(M + "UserType(ks,zz,61:" + M + "Int32Type)")]
    [InlineData(M + "CompositeType(" + M + "Int32Type)")]
    public void Malformed_names_say_what_is_wrong(string className)
    {
        var ex = Assert.Throws<FormatException>(() => MarshalTypeParser.Parse(className));
        Assert.Contains(className, ex.Message);
    }
}
