using CqlConnector.Serialization;
using static CqlConnector.Tests.Serialization.CodecAssert;

namespace CqlConnector.Tests.Serialization;

/// <summary>
/// vector (Cassandra's VectorType): fixed-size elements concatenated without lengths; variable-size elements (text,
/// and smallint/tinyint/date/time/varint..., which Cassandra does not declare fixed) each prefixed by an unsigned vint
/// length.
/// </summary>
public class VectorCodecTests
{
    private const string Floats = "3F800000" + "40000000" + "C0400000"; // 1, 2, -3

    [Fact]
    public void Vector_of_three_floats()
    {
        var type = CqlType.Vector(CqlType.Float, 3);
        Assert.Equal(Floats, Encode(new[] { 1f, 2f, -3f }, type));
        Assert.Equal(Floats, Encode(new List<float> { 1f, 2f, -3f }, type));
        Assert.Equal(new[] { 1f, 2f, -3f }, Assert.IsType<float[]>(ReadObject(Floats, type)));
        Assert.Equal([1f, 2f, -3f], Read<IReadOnlyList<float>>(Floats, type));
        Assert.Equal(new[] { 1d, 2d, -3d }, Read<double[]>(Floats, type));
    }

    [Fact]
    public void Fixed_size_elements_have_no_length()
    {
        Assert.Equal("0000000100000002", Encode(new[] { 1, 2 }, CqlType.Vector(CqlType.Int, 2)));
        Assert.Equal("0000000000000001", Encode(new[] { 1L }, CqlType.Vector(CqlType.Bigint, 1)));
    }

    [Fact]
    public void Variable_size_elements_have_a_vint_length()
    {
        var text = CqlType.Vector(CqlType.Text, 2);
        Assert.Equal("01" + "61" + "00", Encode(new[] { "a", string.Empty }, text));
        Assert.Equal(new[] { "a", string.Empty }, ReadObject("016100", text));

        var longText = new string('x', 200);
        Assert.Equal("80C8" + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(longText)), Encode(new[] { longText }, CqlType.Vector(CqlType.Text, 1)));

        // smallint is variable-size in Cassandra's VectorType.
        Assert.Equal("020001" + "02FFFF", Encode(new short[] { 1, -1 }, CqlType.Vector(CqlType.Smallint, 2)));
        Assert.Equal(new short[] { 1, -1 }, ReadObject("020001" + "02FFFF", CqlType.Vector(CqlType.Smallint, 2)));
    }

    [Fact]
    public void Dimension_must_match()
    {
        var type = CqlType.Vector(CqlType.Float, 3);
        Assert.Throws<ArgumentException>(() => Encode(new[] { 1f, 2f }, type));
        Assert.Throws<ArgumentException>(() => Encode(new[] { 1f, 2f, 3f, 4f }, type));
        Assert.Throws<ArgumentException>(() => Encode(new List<double> { 1, 2 }, CqlType.Vector(CqlType.Double, 3)));
        Assert.Throws<CqlProtocolViolationException>(() => ReadObject("3F800000", type));
        Assert.Throws<ArgumentException>(() => Encode(new object?[] { 1f, null, 2f }, type));
    }
}
