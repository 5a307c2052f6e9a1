namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>The exact CQL of every LINQ shape Cassandra answers (no server).</summary>
public class QueryTranslationTests
{
    public static TheoryData<string> Shapes2_1 => new(QueryShapes.All2_1.Select(s => s.Name));

    public static TheoryData<string> NewerShapes => new(QueryShapes.Newer.Select(s => s.Shape.Name));

    [Theory]
    [MemberData(nameof(Shapes2_1))]
    public void Shape_translates_to_the_expected_cql(string name)
    {
        var shape = QueryShapes.All2_1.Single(s => s.Name == name);

        Assert.Equal(shape.Cql, Normalize(CqlCapture.Of(c => shape.Run(c.Readings))));
    }

    [Theory]
    [MemberData(nameof(NewerShapes))]
    public void Shape_for_a_newer_server_translates_to_the_expected_cql(string name)
    {
        var (shape, version) = QueryShapes.Newer.Single(s => s.Shape.Name == name);

        Assert.Equal(shape.Cql, Normalize(CqlCapture.Of(c => shape.Run(c.Readings), version)));
    }

    [Fact]
    public void There_are_at_least_60_shapes()
        => Assert.True(QueryShapes.All2_1.Count + QueryShapes.Newer.Count >= 60, $"{QueryShapes.All2_1.Count + QueryShapes.Newer.Count} shapes");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
