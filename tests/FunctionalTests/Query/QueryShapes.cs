using CqlConnector;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// One LINQ shape: how to run it (on an EF query or, for the expected rows, on the same rows in memory), the exact CQL
/// it becomes, and how its result is compared.
/// </summary>
public sealed record QueryShape(string Name, Func<IQueryable<Reading>, object?> Run, string Cql, bool Ordered = false, bool Live = true)
{
    public override string ToString() => Name;
}

/// <summary>The LINQ shapes Cassandra answers, each with its exact CQL (Cassandra 2.1).</summary>
public static class QueryShapes
{
    public const string Columns = "\"Sensor\", \"Day\", \"At\", \"Seq\", \"Counts\", \"Note\", \"Tags\", \"Unit\", \"Valid\", \"Value\"";
    private const string From = " FROM \"ks\".\"readings\"";
    private const string All = "SELECT " + Columns + From;

    // Values captured by the queries become bound parameters named after the variables.
    private static string Sensor { get; } = "s1";
    private static int Day { get; } = 1;
    private static int At { get; } = 2;
    private static int Seq { get; } = 1;
    private static List<int> Days { get; } = [1, 2];
    private static string[] Sensors { get; } = ["s1", "s3"];
    private static List<int> Ats { get; } = [1, 3];
    private static string Unit { get; } = "C";
    private static string Tag { get; } = "even";
    private static int Limit { get; } = 3;

    public static IReadOnlyList<QueryShape> All2_1 { get; } =
    [
        new("whole table", q => q.ToList(), All),
        new("partition", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("partition, key columns swapped", q => q.Where(r => r.Day == Day && r.Sensor == Sensor).ToList(),
            All + " WHERE \"Day\" = :day AND \"Sensor\" = :sensor", Ordered: true),
        new("partition by constants", q => q.Where(r => r.Sensor == "s2" && r.Day == 2).ToList(),
            All + " WHERE \"Sensor\" = 's2' AND \"Day\" = 2", Ordered: true),
        new("partition, value on the left", q => q.Where(r => Sensor == r.Sensor && Day == r.Day).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("partition, two Wheres", q => q.Where(r => r.Sensor == Sensor).Where(r => r.Day == Day).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("row by primary key", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == At && r.Seq == Seq).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at AND \"Seq\" = :seq"),
        new("first clustering column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at", Ordered: true),
        new("clustering range >", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At > At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > :at", Ordered: true),
        new("clustering range >=", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At >= At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" >= :at", Ordered: true),
        new("clustering range <", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At < At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" < :at", Ordered: true),
        new("clustering range <=", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At <= At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" <= :at", Ordered: true),
        new("clustering range between", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At > 0 && r.At < 4).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > 0 AND \"At\" < 4", Ordered: true),
        new("clustering range, value on the left", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && At < r.At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > :at", Ordered: true),
        new("clustering prefix then range", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == At && r.Seq < 1).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at AND \"Seq\" < 1", Ordered: true),
        new("IN on the last partition key column", q => q.Where(r => r.Sensor == Sensor && Days.Contains(r.Day)).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" IN :days"),
        new("IN on the last clustering column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == At && new[] { 0, 1 }.Contains(r.Seq)).Select(r => new { r.At, r.Seq, r.Value }).ToList(),
            "SELECT \"At\", \"Seq\", \"Value\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at AND \"Seq\" IN (0, 1)", Ordered: true),
        new("|| of equalities on one column becomes IN", q => q.Where(r => r.Sensor == Sensor && (r.Day == 1 || r.Day == 2)).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" IN (1, 2)"),
        new("indexed column", q => q.Where(r => r.Unit == Unit).ToList(),
            All + " WHERE \"Unit\" = :unit"),
        new("indexed column in a partition", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Unit == Unit).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"Unit\" = :unit", Ordered: true),
        new("CONTAINS on an indexed set", q => q.Where(r => r.Tags.Contains(Tag)).ToList(),
            All + " WHERE \"Tags\" CONTAINS :tag"),
        new("CONTAINS with a constant", q => q.Where(r => r.Tags.Contains("odd")).ToList(),
            All + " WHERE \"Tags\" CONTAINS 'odd'"),
        new("CONTAINS in a partition", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Tags.Contains(Tag)).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"Tags\" CONTAINS :tag", Ordered: true),
        new("indexed column and a filtered column, AllowFiltering", q => q.Where(r => r.Unit == Unit && r.Value > 20).AllowFiltering().ToList(),
            All + " WHERE \"Unit\" = :unit AND \"Value\" > 20.0 ALLOW FILTERING"),
        new("indexed column and a boolean column, AllowFiltering", q => q.Where(r => r.Unit == Unit && r.Valid).AllowFiltering().ToList(),
            All + " WHERE \"Unit\" = :unit AND \"Valid\" = true ALLOW FILTERING"),
        new("indexed column and a negated boolean column, AllowFiltering", q => q.Where(r => r.Unit == Unit && !r.Valid).AllowFiltering().ToList(),
            All + " WHERE \"Unit\" = :unit AND \"Valid\" = false ALLOW FILTERING"),
        new("one index, the other condition in memory", q => q.Where(r => r.Tags.Contains(Tag)).AsEnumerable().Where(r => r.Unit == Unit).ToList(),
            All + " WHERE \"Tags\" CONTAINS :tag"),
        new("one index, the collection checked in memory", q => q.Where(r => r.Unit == Unit).AsEnumerable().Where(r => r.Tags.Contains(Tag)).ToList(),
            All + " WHERE \"Unit\" = :unit"),
        new("clustering range without partition, AllowFiltering", q => q.Where(r => r.At > 3).AllowFiltering().ToList(),
            All + " WHERE \"At\" > 3 ALLOW FILTERING"),
        new("token range", q => q.Where(r => EF.Functions.Token(r.Sensor, r.Day) > EF.Functions.Token(Sensor, Day)).ToList(),
            All + " WHERE token(\"Sensor\", \"Day\") > token(:sensor, :day)", Live: false),
        new("token window", q => q.Where(r => EF.Functions.Token(r.Sensor, r.Day) >= EF.Functions.Token(Sensor, Day) && EF.Functions.Token(r.Sensor, r.Day) <= EF.Functions.Token("s3", 2)).ToList(),
            All + " WHERE token(\"Sensor\", \"Day\") >= token(:sensor, :day) AND token(\"Sensor\", \"Day\") <= token('s3', 2)", Live: false),
        new("OrderBy clustering order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\"", Ordered: true),
        new("OrderBy full clustering order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.At).ThenByDescending(r => r.Seq).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\", \"Seq\" DESC", Ordered: true),
        new("OrderByDescending reverse order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderByDescending(r => r.At).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\" DESC", Ordered: false),
        new("OrderByDescending full reverse order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderByDescending(r => r.At).ThenBy(r => r.Seq).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\" DESC, \"Seq\"", Ordered: true),
        new("OrderBy with a clustering range", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At >= 1).OrderByDescending(r => r.At).ThenBy(r => r.Seq).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" >= 1 ORDER BY \"At\" DESC, \"Seq\"", Ordered: true),
        new("Take", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Take(3).ToList(),
            "SELECT " + Columns + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT :p", Ordered: true),
        new("Take of a variable", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Take(Limit).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT :p", Ordered: true),
        new("OrderByDescending then Take: the latest rows", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderByDescending(r => r.At).ThenBy(r => r.Seq).Take(2).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\" DESC, \"Seq\" LIMIT :p", Ordered: true),
        new("First", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).First(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT 1"),
        new("First with a predicate", q => q.First(r => r.Sensor == Sensor && r.Day == Day && r.At == At),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at LIMIT 1"),
        new("FirstOrDefault of nothing", q => q.FirstOrDefault(r => r.Sensor == "none" && r.Day == Day),
            All + " WHERE \"Sensor\" = 'none' AND \"Day\" = :day LIMIT 1"),
        new("Single by primary key", q => q.Single(r => r.Sensor == Sensor && r.Day == Day && r.At == At && r.Seq == Seq),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at AND \"Seq\" = :seq LIMIT 2"),
        new("SingleOrDefault of nothing", q => q.SingleOrDefault(r => r.Sensor == Sensor && r.Day == Day && r.At == 99 && r.Seq == Seq),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = 99 AND \"Seq\" = :seq LIMIT 2"),
        new("Last with the clustering order", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).OrderBy(r => r.At).ThenByDescending(r => r.Seq).Last(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day ORDER BY \"At\" DESC, \"Seq\" LIMIT 1"),
        new("Count of the table", q => q.Count(),
            "SELECT COUNT(*)" + From),
        new("Count of a partition", q => q.Count(r => r.Sensor == Sensor && r.Day == Day),
            "SELECT COUNT(*)" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day"),
        new("LongCount of a clustering range", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At > 1).LongCount(),
            "SELECT COUNT(*)" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > 1"),
        new("Count through an index", q => q.Count(r => r.Unit == Unit),
            "SELECT COUNT(*)" + From + " WHERE \"Unit\" = :unit"),
        new("Any of a partition", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Any(),
            "SELECT \"Sensor\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT 1"),
        new("Any with a clustering range", q => q.Any(r => r.Sensor == Sensor && r.Day == Day && r.At > 3),
            "SELECT \"Sensor\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > 3 LIMIT 1"),
        new("Any of nothing", q => q.Any(r => r.Sensor == Sensor && r.Day == Day && r.At > 10),
            "SELECT \"Sensor\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" > 10 LIMIT 1"),
        new("Any through an index", q => q.Any(r => r.Unit == "F"),
            "SELECT \"Sensor\"" + From + " WHERE \"Unit\" = 'F' LIMIT 1"),
        new("Select one column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => r.Value).ToList(),
            "SELECT \"Value\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("Select an anonymous type", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => new { r.At, r.Seq, r.Value }).ToList(),
            "SELECT \"At\", \"Seq\", \"Value\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("Select a DTO", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => new ReadingDto { At = r.At, Value = r.Value }).ToList(),
            "SELECT \"At\", \"Value\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("Select computed on the client", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => r.Value * 2 + r.At).ToList(),
            "SELECT \"Value\", \"At\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("Select a string built on the client", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => r.Sensor + "/" + r.At).ToList(),
            "SELECT \"Sensor\", \"At\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("Select a collection column", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.At == At && r.Seq == Seq).Select(r => r.Tags).ToList(),
            "SELECT \"Tags\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" = :at AND \"Seq\" = :seq"),
        new("Select then Take", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Select(r => r.At).Take(4).ToList(),
            "SELECT \"At\"" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day LIMIT :p", Ordered: true),
        new("Distinct partition keys", q => q.Select(r => new { r.Sensor, r.Day }).Distinct().ToList(),
            "SELECT DISTINCT \"Sensor\", \"Day\"" + From),
        new("WithConsistency does not change the CQL", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).WithConsistency(ConsistencyLevel.One).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("WithPageSize does not change the CQL", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).WithPageSize(2).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("AsNoTracking", q => q.AsNoTracking().Where(r => r.Sensor == Sensor && r.Day == Day).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true),
        new("TagWith is a comment", q => q.TagWith("dashboard").Where(r => r.Sensor == Sensor && r.Day == Day).ToList(),
            "-- dashboard\n\n" + All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day", Ordered: true, Live: true),
        new("extensions chained", q => q.Where(r => r.At > 3).AllowFiltering().WithPageSize(7).WithConsistency(ConsistencyLevel.One).Select(r => r.Value).ToList(),
            "SELECT \"Value\"" + From + " WHERE \"At\" > 3 ALLOW FILTERING"),
    ];

    /// <summary>Shapes for newer servers (translation only).</summary>
    public static IReadOnlyList<(QueryShape Shape, string Version)> Newer { get; } =
    [
        (new("IN on the first partition key column on 2.2", q => q.Where(r => Sensors.Contains(r.Sensor) && r.Day == Day).ToList(),
            All + " WHERE \"Sensor\" IN :sensors AND \"Day\" = :day"), "2.2"),
        (new("IN on the first clustering column on 2.2", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && Ats.Contains(r.At)).ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"At\" IN :ats"), "2.2"),
        (new("Max on 2.2", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Max(r => r.Value),
            "SELECT max(\"Value\")" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day"), "2.2"),
        (new("Min on 2.2", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Min(r => r.At),
            "SELECT min(\"At\")" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day"), "2.2"),
        (new("Sum on 3.0", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Sum(r => r.At),
            "SELECT sum(\"At\")" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day"), "3.0"),
        (new("Average on 4.0", q => q.Where(r => r.Sensor == Sensor && r.Day == Day).Average(r => r.Value),
            "SELECT avg(\"Value\")" + From + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day"), "4.0"),
        (new("PerPartitionLimit on 3.6", q => q.PerPartitionLimit(2).ToList(),
            All + " PER PARTITION LIMIT 2"), "3.6"),
        (new("PerPartitionLimit and Take on 4.0", q => q.PerPartitionLimit(1).Take(10).ToList(),
            All + " PER PARTITION LIMIT 1 LIMIT :p"), "4.0"),
        (new("two indexed restrictions, AllowFiltering, on 3.0", q => q.Where(r => r.Unit == Unit && r.Tags.Contains(Tag)).AllowFiltering().ToList(),
            All + " WHERE \"Unit\" = :unit AND \"Tags\" CONTAINS :tag ALLOW FILTERING"), "3.0"),
        (new("filtering a regular column on 3.6", q => q.Where(r => r.Note == "n").AllowFiltering().ToList(),
            All + " WHERE \"Note\" = 'n' ALLOW FILTERING"), "3.6"),
        (new("CONTAINS KEY with filtering on 4.0", q => q.Where(r => r.Counts.ContainsKey("a")).AllowFiltering().ToList(),
            All + " WHERE \"Counts\" CONTAINS KEY 'a' ALLOW FILTERING"), "4.0"),
        (new("ContainsValue with filtering on 4.0", q => q.Where(r => r.Counts.ContainsValue(3)).AllowFiltering().ToList(),
            All + " WHERE \"Counts\" CONTAINS 3 ALLOW FILTERING"), "4.0"),
        (new("part of the partition key with filtering on 3.10", q => q.Where(r => r.Sensor == Sensor).AllowFiltering().ToList(),
            All + " WHERE \"Sensor\" = :sensor ALLOW FILTERING"), "3.10"),
        (new("clustering out of order with filtering on 4.0", q => q.Where(r => r.Sensor == Sensor && r.Day == Day && r.Seq == 1).AllowFiltering().ToList(),
            All + " WHERE \"Sensor\" = :sensor AND \"Day\" = :day AND \"Seq\" = 1 ALLOW FILTERING"), "4.0"),
    ];
}

public sealed class ReadingDto
{
    public int At { get; set; }

    public double Value { get; set; }
}
