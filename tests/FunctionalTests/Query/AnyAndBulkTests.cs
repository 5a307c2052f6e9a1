using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// Any as LIMIT 1, and ExecuteDelete / ExecuteUpdate as one CQL DELETE / UPDATE by key: the exact CQL, and on the node
/// exactly the intended rows change.
/// </summary>
public class AnyAndBulkTests
{
    private static string Sensor { get; } = "s1";

    private static int Day { get; } = 1;

    [Fact]
    public void Any_of_a_partition_reads_one_key_column_with_limit_1()
        => Assert.Equal(
            "SELECT \"Sensor\" FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT 1",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day).Any()));

    [Fact]
    public void Any_with_a_predicate_and_an_order_drops_the_order()
        => Assert.Equal(
            "SELECT \"Sensor\" FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > 2 LIMIT 1",
            CqlCapture.Of(c => c.Readings.OrderBy(r => r.At).Any(r => r.Sensor == Sensor && r.Day == Day && r.At > 2)));

    [Fact]
    public void Any_of_the_table()
        => Assert.Equal("SELECT \"Sensor\" FROM \"ks\".\"readings\" LIMIT 1", CqlCapture.Of(c => c.Readings.Any()));

    [Fact]
    public void Any_follows_the_filter_rules()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => CqlCapture.Of(c => c.Readings.Any(r => r.Value > 3)));
        Assert.Contains("secondary index", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecuteDelete_of_a_partition_is_one_delete_without_aliases()
        => Assert.Equal(
            "DELETE FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day).ExecuteDelete()));

    [Fact]
    public void ExecuteDelete_of_a_row_by_primary_key()
        => Assert.Equal(
            "DELETE FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = 2 AND \"Seq\" = 0",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 2 && r.Seq == 0).ExecuteDelete()));

    [Fact]
    public void ExecuteDelete_of_partitions_by_IN()
        => Assert.Equal(
            "DELETE FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" IN (1, 2)",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && (r.Day == 1 || r.Day == 2)).ExecuteDelete()));

    [Fact]
    public void ExecuteDelete_of_a_clustering_range_on_3_0()
        => Assert.Equal(
            "DELETE FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" >= 3",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day && r.At >= 3).ExecuteDelete(), "3.0"));

    [Fact]
    public void ExecuteDelete_of_a_clustering_prefix_on_3_0()
        => Assert.Equal(
            "DELETE FROM \"ks\".\"readings\" WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = 3",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 3).ExecuteDelete(), "3.0"));

    [Fact]
    public void ExecuteUpdate_by_primary_key_sets_bound_values()
        => Assert.Equal(
            "UPDATE \"ks\".\"readings\" SET \"Note\" = :p, \"Value\" = :p3 WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = 1 AND \"Seq\" = 0",
            CqlCapture.Of(c => c.Readings.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 1 && r.Seq == 0)
                .ExecuteUpdate(s => s.SetProperty(r => r.Note, "x").SetProperty(r => r.Value, 3.5))));

    public static TheoryData<string> Refused => new(RefusedShapes.Select(s => s.Name));

    private static readonly (string Name, Func<IQueryable<Reading>, object?> Run, string[] Remedy, string Version)[] RefusedShapes =
    [
        ("ExecuteDelete by a regular column", q => q.Where(r => r.Unit == "C").ExecuteDelete(), ["ExecuteDelete", "primary key", "Load the keys first"], "2.1"),
        ("ExecuteDelete of part of the partition key", q => q.Where(r => r.Sensor == Sensor).ExecuteDelete(), ["whole partition key"], "2.1"),
        ("ExecuteDelete of a clustering range on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At > 1).ExecuteDelete(), ["every clustering column"], "2.1"),
        ("ExecuteDelete of a clustering prefix on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 1).ExecuteDelete(), ["every clustering column"], "2.1"),
        ("ExecuteDelete with Take", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Take(2).ExecuteDelete(), ["subquery"], "2.1"),
        ("ExecuteUpdate of a partition", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).ExecuteUpdate(s => s.SetProperty(r => r.Note, "x")), ["whole primary key"], "2.1"),
        ("ExecuteUpdate computed from a column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 1 && r.Seq == 0).ExecuteUpdate(s => s.SetProperty(r => r.Value, r => r.Value + 1)), ["computes nothing on columns", "before the query"], "2.1"),
        ("All", q => q.All(r => r.At < 5), ["!q.Any(", "negation"], "2.1"),
        ("Any after Take", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Take(3).Any(), ["LIMIT 1", "subquery"], "2.1"),
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public void Shape_fails_at_translation_with_its_remedy(string name)
    {
        var (_, run, remedy, version) = RefusedShapes.Single(s => s.Name == name);

        var exception = Assert.Throws<InvalidOperationException>(() => CqlCapture.Of(c => run(c.Readings), version));
        foreach (var part in remedy)
        {
            Assert.True(exception.Message.Contains(part, StringComparison.Ordinal), $"'{part}' is not in: {exception.Message}");
        }
    }

    [Fact]
    public async Task Any_on_the_node_is_true_for_rows_and_false_for_none()
    {
        await using var store = await ReadingStore.CreateAsync("any", ReadingStore.Rows(2, 6));
        await using var context = store.CreateContext();

        Assert.True(await context.Readings.AnyAsync());
        Assert.True(await context.Readings.AnyAsync(r => r.Sensor == "s1" && r.Day == 1 && r.At > 1));
        Assert.False(await context.Readings.AnyAsync(r => r.Sensor == "s1" && r.Day == 1 && r.At > 10));
        Assert.False(context.Readings.Any(r => r.Sensor == "none" && r.Day == 1));
        Assert.True(context.Readings.Where(r => r.Sensor == "s0" && r.Day == 1).Any());
    }

    [Fact]
    public async Task ExecuteDelete_by_partition_and_ExecuteUpdate_by_primary_key_change_exactly_the_intended_rows()
    {
        var rows = ReadingStore.Rows(3, 6).ToList();
        await using var store = await ReadingStore.CreateAsync("bulk", rows);
        await using var context = store.CreateContext();
        var sensor = "s1";

        var deleted = await context.Readings.Where(r => r.Sensor == sensor && r.Day == 1).ExecuteDeleteAsync();
        var (at, seq) = (2, 1);
        await context.Readings.Where(r => r.Sensor == "s2" && r.Day == 1 && r.At == at && r.Seq == seq)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, "changed").SetProperty(r => r.Value, -1.0));
        context.Readings.Where(r => r.Sensor == "s0" && r.Day == 1 && r.At == 0 && r.Seq == 0).ExecuteDelete();

        var expected = rows
            .Where(r => r.Sensor != "s1" && !(r.Sensor == "s0" && r.At == 0 && r.Seq == 0))
            .Select(r => r.Sensor == "s2" && r.At == 2 && r.Seq == 1 ? $"{r.Sensor}/{r.At}/{r.Seq}/-1/changed" : $"{r.Sensor}/{r.At}/{r.Seq}/{r.Value}/{r.Note}")
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var check = store.CreateContext();
        var actual = (await check.Readings.AsNoTracking().ToListAsync())
            .Select(r => $"{r.Sensor}/{r.At}/{r.Seq}/{r.Value}/{r.Note}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(-1, deleted); // CQL reports no affected-row count
    }
}
