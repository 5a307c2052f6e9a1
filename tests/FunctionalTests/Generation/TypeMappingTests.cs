using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class TypeMappingTests
{
    private static readonly IRelationalTypeMappingSource Source
        = PeopleContext.ForGeneration().GetService<IRelationalTypeMappingSource>();

    [Theory]
    [InlineData(typeof(string), "text")]
    [InlineData(typeof(Guid), "uuid")]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(long), "bigint")]
    [InlineData(typeof(short), "smallint")]
    [InlineData(typeof(sbyte), "tinyint")]
    [InlineData(typeof(bool), "boolean")]
    [InlineData(typeof(double), "double")]
    [InlineData(typeof(float), "float")]
    [InlineData(typeof(decimal), "decimal")]
    [InlineData(typeof(DateTime), "timestamp")]
    [InlineData(typeof(DateTimeOffset), "timestamp")]
    [InlineData(typeof(byte[]), "blob")]
    public void Clr_type_maps_to_cql_type(Type clrType, string cqlType)
        => Assert.Equal(cqlType, Source.FindMapping(clrType)!.StoreType);

    [Theory]
    [InlineData("text", typeof(string))]
    [InlineData("varchar", typeof(string))]
    [InlineData("TIMESTAMP", typeof(DateTime))]
    [InlineData("bigint", typeof(long))]
    public void Cql_type_name_maps_to_clr_type(string cqlType, Type clrType)
        => Assert.Equal(clrType, Source.FindMapping(cqlType)!.ClrType);

    [Fact]
    public void Sizes_and_precision_are_not_part_of_cql_types()
    {
        Assert.Equal("text", Source.FindMapping(typeof(string), null, size: 100)!.StoreType);
        Assert.Equal("decimal", Source.FindMapping(typeof(decimal), null, precision: 18, scale: 2)!.StoreType);
        Assert.Equal("blob", Source.FindMapping(typeof(byte[]), null, size: 16)!.StoreType);
    }

    public static TheoryData<object, string> Literals => new()
    {
        { "it's", "'it''s'" },
        { Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001"), "6f1c2a4e-0000-4000-8000-000000000001" },
        { 42, "42" },
        { -5_000_000_000L, "-5000000000" },
        { true, "true" },
        { false, "false" },
        { 1.5, "1.5" },
        { 2.0, "2.0" },
        { 1e300, "1E+300" },
        { double.NaN, "NaN" },
        { double.NegativeInfinity, "-Infinity" },
        { 0.25f, "0.25" },
        { 12345.6789m, "12345.6789" },
        { new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc), "'2024-05-06T07:08:09.123+0000'" },
        { new DateTimeOffset(2024, 5, 6, 9, 8, 9, 123, TimeSpan.FromHours(2)), "'2024-05-06T07:08:09.123+0000'" },
        { new byte[] { 0xCA, 0xFE, 0x01 }, "0xcafe01" },
        { Array.Empty<byte>(), "textAsBlob('')" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literals_are_cql(object value, string literal)
        => Assert.Equal(literal, Source.FindMapping(value.GetType())!.GenerateSqlLiteral(value));
}
