using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>UDT: each field as [bytes] in the type's order; fewer fields than the type is allowed (v5 §7).</summary>
public class UdtCodecTests
{
    private static readonly CqlType Address = CqlType.Udt("shop", "address", [
        new("street_name", CqlType.Text),
        new("number", CqlType.Int),
        new("tags", CqlType.Set(CqlType.Text)),
    ]);

    // street_name 'Main', number 3, tags null
    private const string Full = "00000004" + "4D61696E" + "00000004" + "00000003" + "FFFFFFFF";

    public sealed class AddressPoco
    {
        public string? StreetName { get; set; }

        public int Number { get; set; }

        public List<string>? Tags { get; set; }

        public string? NotAField { get; set; }
    }

    public sealed record AddressRecord(string StreetName, long Number);

    public struct AddressStruct
    {
        public string? Street_Name { get; set; }

        public int? Number { get; set; }
    }

    [Fact]
    public void Written_from_a_poco_an_anonymous_object_a_dictionary_and_a_CqlUserDefinedValue()
    {
        Assert.Equal(Full, Encode(new AddressPoco { StreetName = "Main", Number = 3 }, Address));
        Assert.Equal(Full, Encode(new { streetName = "Main", number = 3 }, Address));
        Assert.Equal(Full, Encode(new Dictionary<string, object?> { ["street_name"] = "Main", ["NUMBER"] = 3 }, Address));
        var value = new CqlUserDefinedValue(Address) { ["street_name"] = "Main", ["number"] = 3 };
        Assert.Equal(Full, Encode(value, Address));
    }

    [Fact]
    public void Read_as_CqlUserDefinedValue()
    {
        var value = Assert.IsType<CqlUserDefinedValue>(ReadObject(Full, Address));
        Assert.Equal("Main", value["street_name"]);
        Assert.Equal(3, value["Number"]);
        Assert.Null(value[2]);
        Assert.Same(Address, value.Type);
        Assert.Equal(["street_name", "number", "tags"], value.Keys);
        Assert.Throws<KeyNotFoundException>(() => value["zip"]);
    }

    [Fact]
    public void Missing_trailing_fields_read_as_null()
    {
        const string OnlyStreet = "00000004" + "4D61696E";
        var value = (CqlUserDefinedValue)ReadObject(OnlyStreet, Address);
        Assert.Equal("Main", value[0]);
        Assert.Null(value[1]);
        Assert.Null(value[2]);
        var poco = Read<AddressPoco>(OnlyStreet, Address);
        Assert.Equal("Main", poco.StreetName);
        Assert.Equal(0, poco.Number);
    }

    [Fact]
    public void Read_as_poco_record_struct_and_dictionary()
    {
        var poco = Read<AddressPoco>(Full, Address);
        Assert.Equal(("Main", 3), (poco.StreetName, poco.Number));
        Assert.Null(poco.Tags);
        Assert.Equal(new AddressRecord("Main", 3), Read<AddressRecord>(Full, Address));
        var s = Read<AddressStruct?>(Full, Address);
        Assert.Equal("Main", s!.Value.Street_Name);
        Assert.Equal(3, s.Value.Number);
        Assert.Equal("Main", Read<Dictionary<string, object?>>(Full, Address)["street_name"]);
        Assert.Equal(3, Read<IReadOnlyDictionary<string, object?>>(Full, Address)["number"]);
    }

    [Fact]
    public void Unknown_fields_and_unmappable_types_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Encode(new Dictionary<string, object?> { ["zip"] = "1" }, Address));
        Assert.Contains("street_name, number, tags", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => Encode(new { zip = 1 }, Address));
        Assert.Throws<InvalidCastException>(() => Read<int>(Full, Address));
    }

    [Fact]
    public void Nested_udt_in_a_list()
    {
        var type = CqlType.List(Address);
        var hex = "00000001" + "00000014" + Full;
        Assert.Equal(hex, Encode(new[] { new { StreetName = "Main", Number = 3 } }, type));
        Assert.Equal("Main", Read<List<AddressPoco>>(hex, type)[0].StreetName);
    }
}
