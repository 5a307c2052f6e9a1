using System.Collections;
using System.Text.Json;

using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>Seeds 60 readings in a keyspace of its own, once per test class.</summary>
public sealed class ReadingFixture : IAsyncLifetime
{
    private string _connectionString = "";
    private readonly string _keyspace = $"t_query_{Guid.NewGuid():N}"[..24];

    public List<Reading> Rows { get; } =
        (from sensor in new[] { "s1", "s2", "s3" }
         from day in new[] { 1, 2 }
         from at in Enumerable.Range(0, 5)
         from seq in new[] { 1, 0 }
         select new Reading
         {
             Sensor = sensor, Day = day, At = at, Seq = seq, Value = at * 10 + seq,
             Unit = sensor == "s2" ? "F" : "C", Note = at == 0 ? null : "n", Valid = at % 2 == 0,
             Tags = [at % 2 == 0 ? "even" : "odd", sensor], Counts = new() { ["a"] = at },
         }).ToList();

    public ReadingContext CreateContext()
        => new(new DbContextOptionsBuilder().UseCassandra(_connectionString).Options);

    public async Task InitializeAsync()
    {
        var endpoint = await CassandraServer.GetAsync();
        _connectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={_keyspace}";
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        context.AddRange(Rows.Select(Copy));
        await context.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    private static Reading Copy(Reading r) => JsonSerializer.Deserialize<Reading>(JsonSerializer.Serialize(r))!;
}

/// <summary>Every translated shape runs on the node and returns the rows LINQ to Objects returns over the same data.</summary>
public class LiveQueryShapeTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    public static TheoryData<string> Shapes => new(QueryShapes.All2_1.Where(s => s.Live).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_returns_the_right_rows(string name)
    {
        var shape = QueryShapes.All2_1.Single(s => s.Name == name);
        using var context = fixture.CreateContext();

        var actual = Canonical(shape.Run(context.Readings));
        var expected = Canonical(shape.Run(fixture.Rows.OrderBy(r => r.Sensor).ThenBy(r => r.Day).ThenBy(r => r.At).ThenByDescending(r => r.Seq).AsQueryable()));

        if (name.Contains("Take", StringComparison.Ordinal) && !shape.Ordered)
        {
            Assert.Equal(expected.Count, actual.Count);
            return;
        }

        if (!shape.Ordered)
        {
            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
        }

        Assert.Equal(expected, actual);
    }

    private static List<string> Canonical(object? result)
        => result is IEnumerable items and not string
            ? items.Cast<object?>().Select(i => JsonSerializer.Serialize(i)).ToList()
            : [JsonSerializer.Serialize(result)];
}
