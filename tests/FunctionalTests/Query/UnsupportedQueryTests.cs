using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>Shapes CQL cannot answer fail at translation, saying why and what to write instead (no server).</summary>
public class UnsupportedQueryTests
{
    private static string Sensor { get; } = "s1";

    private static int Day { get; } = 1;

    public static IReadOnlyList<(string Name, Func<IQueryable<Reading>, object?> Run, string[] Remedy, string Version)> Shapes { get; } =
    [
        ("no partition key, regular column", q => q.Where(r => r.Value > 1).ToList(), ["secondary index", "HasIndex"], "2.1"),
        ("filtered column without AllowFiltering", q => q.Where(r => r.Unit == "C" && r.Value > 1).ToList(), ["AllowFiltering()", "partition key"], "2.1"),
        ("clustering range without partition key", q => q.Where(r => r.At > 1).ToList(), ["AllowFiltering()"], "2.1"),
        ("part of the partition key", q => q.Where(r => r.Sensor == Sensor).ToList(), ["every partition key column"], "2.1"),
        ("part of the partition key on 3.10 without AllowFiltering", q => q.Where(r => r.Sensor == Sensor).ToList(), ["AllowFiltering()"], "3.10"),
        ("range on a partition key column", q => q.Where(r => r.Sensor == Sensor && r.Day > 1).ToList(), ["EF.Functions.Token"], "2.1"),
        ("clustering column skipped", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Seq == 1).ToList(), ["prefix", "earlier clustering columns"], "2.1"),
        ("restriction after a clustering range", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At > 1 && r.Seq == 1).ToList(), ["prefix"], "2.1"),
        ("!= on a column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At != 1).ToList(), ["!=", "==, <"], "2.1"),
        ("|| across columns", q => q.Where(r => r.Sensor == Sensor && (r.Day == 1 || r.At == 2)).ToList(), ["OR", "one query per alternative"], "2.1"),
        ("null test", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Note == null).AllowFiltering().ToList(), ["IS NULL", "explicit value"], "4.0"),
        ("two columns compared", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == r.Seq).ToList(), ["compares the columns", "in memory"], "2.1"),
        ("arithmetic on a column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At + 1 == 3).ToList(), ["computes nothing on columns", "before the query"], "2.1"),
        ("function on a column", q => q.Where(r => r.Sensor.ToUpper() == "S1" && r.Day == Day).ToList(), ["computes nothing on columns"], "2.1"),
        ("StartsWith", q => q.Where(r => r.Sensor.StartsWith("s") && r.Day == Day).ToList(), ["computes nothing on columns"], "2.1"),
        ("IN on a regular column", q => q.Where(r => new[] { "C", "F" }.Contains(r.Unit)).AllowFiltering().ToList(), ["IN", "key columns"], "4.0"),
        ("OrderBy without partition", q => q.OrderBy(r => r.At).ToList(), ["within a partition", "=="], "2.1"),
        ("OrderBy a regular column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.Value).ToList(), ["not a clustering column", "sort the loaded rows"], "2.1"),
        ("OrderBy out of clustering order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.Seq).ToList(), ["out of clustering order"], "2.1"),
        ("OrderBy mixed directions", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.At).ThenBy(r => r.Seq).ToList(), ["mixed directions"], "2.1"),
        ("OrderBy with IN on the partition key", q => q.Where(r => r.Sensor == Sensor && new[] { 1, 2 }.Contains(r.Day)).OrderBy(r => r.At).ToList(), ["IN", "one query per key"], "2.1"),
        ("Skip", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Skip(2).ToList(), ["ToPageAsync", "paging state"], "2.1"),
        ("Last without an order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Last(), ["OrderBy"], "2.1"),
        ("GroupBy with an aggregate", q => q.GroupBy(r => r.Sensor).Select(g => new { g.Key, Count = g.Count() }).ToList(), ["GroupBy", "in memory"], "2.1"),
        ("join", q => q.Join(q, a => a.Sensor, b => b.Sensor, (a, b) => a.Value + b.Value).ToList(), ["join", "second query by its partition key"], "2.1"),
        ("Union", q => q.Where(r => r.Sensor == Sensor && r.Day == 1).Union(q.Where(r => r.Sensor == Sensor && r.Day == 2)).ToList(), ["set operation", "one table"], "2.1"),
        ("Distinct on a regular column", q => q.Select(r => r.Unit).Distinct().ToList(), ["partition key", "Distinct"], "2.1"),
        ("Max on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Max(r => r.Value), ["2.2", "aggregate in memory"], "2.1"),
        ("Average on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Average(r => r.Value), ["2.2"], "2.1"),
        ("PerPartitionLimit on 2.1", q => q.PerPartitionLimit(1).ToList(), ["3.6", "Take"], "2.1"),
        ("token of a non-key column", q => q.Where(r => EF.Functions.Token(r.Unit) > EF.Functions.Token("C")).ToList(), ["partition key columns"], "2.1"),
        ("CONTAINS KEY without an index on 2.1", q => q.Where(r => r.Counts.ContainsKey("a")).AllowFiltering().ToList(), ["secondary index", "3.6"], "2.1"),
        ("OrderBy on a secondary-index query", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Unit == "C").OrderBy(r => r.At).ToList(), ["secondary-index", "in memory"], "2.1"),
        ("IN on the first partition key column on 2.1", q => q.Where(r => new[] { "s1", "s2" }.Contains(r.Sensor) && r.Day == Day).ToList(), ["last partition key column", "2.2"], "2.1"),
        ("IN on a clustering column while selecting a collection on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == 1 && new[] { 0, 1 }.Contains(r.Seq)).ToList(), ["select no collection"], "2.1"),
        ("CONTAINS with another indexed column on 2.1", q => q.Where(r => r.Unit == "C" && r.Tags.Contains("even")).AllowFiltering().ToList(), ["skips the CONTAINS check", "AsEnumerable().Where", "3.0"], "2.1"),
        ("CONTAINS with an indexed column and a filter on 2.1", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Tags.Contains("even") && r.Unit == "C").AllowFiltering().ToList(), ["one index"], "2.1"),
        ("subquery in a filter", q => q.Where(r => q.Any(o => o.Sensor == r.Sensor)).ToList(), ["subquery", "one table"], "2.1"),
    ];

    public static TheoryData<string> Names => new(Shapes.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Shape_fails_at_translation_with_its_remedy(string name)
    {
        var (_, run, remedy, version) = Shapes.Single(s => s.Name == name);

        string? cql = null;
        var exception = Assert.Throws<InvalidOperationException>(() => cql = CqlCapture.Of(c => run(c.Readings), version));
        Assert.Null(cql);

        foreach (var part in remedy)
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void There_are_at_least_25_unsupported_shapes() => Assert.True(Shapes.Count >= 25);
}
