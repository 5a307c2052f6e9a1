using System.Data.Common;

using CqlConnector;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>10,000 readings in 10 partitions of 1,000 (sensors s0..s9, day 1), seeded once.</summary>
public sealed class TenThousandReadings : IAsyncLifetime
{
    public ReadingStore Store { get; private set; } = null!;

    public List<Reading> Rows { get; } = ReadingStore.Rows(10, 1000).ToList();

    public async Task InitializeAsync()
    {
        Store = await ReadingStore.CreateAsync("exec");
        await Store.BulkInsertAsync(Rows);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

/// <summary>
/// Raw CQL through FromSql, compiled queries and prepared-statement reuse, ToPageAsync through opaque paging states,
/// and the query options reaching the driver's command: all on the node.
/// </summary>
public class QueryExecutionTests(TenThousandReadings data) : IClassFixture<TenThousandReadings>
{
    [Fact]
    public async Task FromSql_runs_raw_cql_with_bound_parameters_into_tracked_entities()
    {
        var capture = new CommandOptionsCapture();
        await using var context = data.Store.CreateContext(o => o.AddInterceptors(capture));
        var sensor = "s3";
        var from = 490;

        var readings = await context.Readings
            .FromSqlInterpolated($"SELECT * FROM readings WHERE \"Sensor\" = {sensor} AND \"Day\" = 1 AND \"At\" >= {from}")
            .ToListAsync();

        Assert.Equal(
            data.Rows.Where(r => r.Sensor == sensor && r.At >= from).Select(r => (r.At, r.Seq, r.Value)).Order(),
            readings.Select(r => (r.At, r.Seq, r.Value)).Order());
        Assert.All(readings, r => Assert.Equal(EntityState.Unchanged, context.Entry(r).State));
        var command = Assert.Single(capture.Commands);
        Assert.Equal("SELECT * FROM readings WHERE \"Sensor\" = :p0 AND \"Day\" = 1 AND \"At\" >= :p1", command.Text.TrimEnd());
        Assert.Equal(["s3", 490], command.Parameters);
    }

    [Fact]
    public void FromSqlRaw_synchronously_with_positional_parameters_and_AsNoTracking()
    {
        using var context = data.Store.CreateContext();

        // The keyspace is ours, not user input: spliced into the text on purpose; the values are bound.
        var cql = "SELECT * FROM \"" + data.Store.Keyspace + "\".readings WHERE \"Sensor\" = {0} AND \"Day\" = {1} AND \"At\" = {2}";
        var readings = context.Readings
            .FromSqlRaw(cql, "s7", 1, 10)
            .AsNoTracking()
            .ToList();

        Assert.Equal([(10, 1, 7021.0), (10, 0, 7020.0)], readings.Select(r => (r.At, r.Seq, r.Value)));
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public void FromSql_composed_with_a_filter_fails_before_anything_is_sent()
    {
        using var context = data.Store.CreateContext();

        var exception = Assert.Throws<InvalidOperationException>(
            () => context.Readings.FromSqlRaw("SELECT * FROM readings WHERE \"Sensor\" = 's1' AND \"Day\" = 1").Where(r => r.At > 3).ToList());

        Assert.Contains("FromSql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("into the raw CQL", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_linq_shape_is_prepared_once_whatever_its_values()
    {
        // A connection string of its own (another Page Size): a data source of its own, where nothing was prepared.
        using var spans = new CqlSpans();
        await using var context = data.Store.CreateContext(o => o.UseCassandra(data.Store.ConnectionString + ";Page Size=777"));

        for (var i = 0; i < 5; i++)
        {
            var sensor = $"s{i}";
            var at = i * 10;
            var row = await context.Readings.AsNoTracking().SingleAsync(r => r.Sensor == sensor && r.Day == 1 && r.At == at && r.Seq == 1);
            Assert.Equal(i * 1000 + at * 2 + 1, row.Value);
        }

        for (var n = 1; n <= 3; n++)
        {
            // IN binds the whole list to one marker: every list length shares one statement.
            var days = Enumerable.Range(1, n).ToList();
            Assert.Equal(1000, await context.Readings.CountAsync(r => r.Sensor == "s0" && days.Contains(r.Day)));
        }

        // Statements with bound values run prepared: EXECUTE by id.
        Assert.Equal(8, spans.Of("EXECUTE").Count);
        Assert.Equal(2, spans.Of("PREPARE").Count);
    }

    [Fact]
    public async Task A_compiled_async_query_reuses_one_prepared_statement()
    {
        var query = EF.CompileAsyncQuery((ReadingContext c, string sensor, int at) =>
            c.Readings.Where(r => r.Sensor == sensor && r.Day == 1 && r.At == at));
        using var spans = new CqlSpans();
        await using var context = data.Store.CreateContext(o => o.UseCassandra(data.Store.ConnectionString + ";Page Size=778"));

        for (var i = 0; i < 6; i++)
        {
            var rows = new List<Reading>();
            await foreach (var reading in query(context, $"s{i}", 100 + i))
            {
                rows.Add(reading);
            }

            Assert.Equal([(100 + i, 1), (100 + i, 0)], rows.Select(r => (r.At, r.Seq)));
        }

        Assert.Single(spans.Of("PREPARE"));
        Assert.Equal(6, spans.Of("EXECUTE").Count);
    }

    [Fact]
    public async Task ToPageAsync_walks_10000_rows_in_pages_of_500_each_row_exactly_once()
    {
        var seen = new List<(string, int, int)>();
        string? state = null;
        var pages = 0;
        do
        {
            // A new context per page, as a web API would have per request: only the opaque state travels.
            await using var context = data.Store.CreateContext();
            var page = await context.Readings.AsNoTracking().ToPageAsync(500, state);
            Assert.True(page.Items.Count <= 500);
            seen.AddRange(page.Items.Select(r => (r.Sensor, r.At, r.Seq)));
            state = page.PagingState;
            Assert.True(state is null || !state.Contains('+') && !state.Contains('/'), "the paging state is URL-safe");
            pages++;
        }
        while (state is not null && pages < 100);

        Assert.Equal(10_000, seen.Count);
        Assert.Equal(10_000, seen.Distinct().Count());
        Assert.InRange(pages, 20, 21); // 20 full pages, and possibly an empty last one
        Assert.Equal(data.Rows.Select(r => (r.Sensor, r.At, r.Seq)).Order(), seen.Order());
    }

    [Fact]
    public async Task ToPageAsync_of_a_partition_in_clustering_order()
    {
        await using var context = data.Store.CreateContext();
        var first = await context.Readings.Where(r => r.Sensor == "s2" && r.Day == 1).ToPageAsync(300, null);
        await using var next = data.Store.CreateContext();
        var second = await next.Readings.Where(r => r.Sensor == "s2" && r.Day == 1).ToPageAsync(300, first.PagingState);

        Assert.Equal(
            data.Rows.Where(r => r.Sensor == "s2").OrderBy(r => r.At).ThenByDescending(r => r.Seq).Take(600).Select(r => (r.At, r.Seq)),
            first.Items.Concat(second.Items).Select(r => (r.At, r.Seq)));
        Assert.NotNull(second.PagingState);
    }

    [Fact]
    public async Task WithConsistency_and_WithPageSize_reach_the_command_and_the_wire()
    {
        var capture = new CommandOptionsCapture();
        using var spans = new CqlSpans();
        await using var context = data.Store.CreateContext(o => o.AddInterceptors(capture));

        var rows = await context.Readings.Where(r => r.Sensor == "s4" && r.Day == 1)
            .WithConsistency(ConsistencyLevel.Quorum).WithPageSize(123).AsNoTracking().ToListAsync();
        var plain = await context.Readings.Where(r => r.Sensor == "s4" && r.Day == 1 && r.At == 1).ToListAsync();

        Assert.Equal(1000, rows.Count);
        Assert.Equal(2, plain.Count);
        Assert.Equal((ConsistencyLevel.Quorum, 123), (capture.Commands[0].Consistency, capture.Commands[0].PageSize));
        Assert.Equal((null, 0), (capture.Commands[1].Consistency, capture.Commands[1].PageSize)); // the connection's

        // On the wire: 1000 rows at 123 per page are 9 requests, each at QUORUM with page size 123.
        var selects = spans.Of("SELECT").Where(s => (int?)s.GetTagItem("cassandra.page.size") == 123).ToList();
        Assert.Equal(9, selects.Count);
        Assert.All(selects, s => Assert.Equal("quorum", s.GetTagItem("cassandra.consistency.level")));
        var other = Assert.Single(spans.Of("SELECT"), s => (int?)s.GetTagItem("cassandra.page.size") != 123);
        Assert.Equal(("local_one", 5000), (other.GetTagItem("cassandra.consistency.level"), (int?)other.GetTagItem("cassandra.page.size")));
    }
}

/// <summary>Records what each command carries when EF executes it (the command runs normally).</summary>
public sealed class CommandOptionsCapture : DbCommandInterceptor
{
    public List<(string Text, ConsistencyLevel? Consistency, int PageSize, object?[] Parameters)> Commands { get; } = [];

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var cql = (CqlCommand)command;
        lock (Commands)
        {
            Commands.Add((cql.CommandText, cql.ConsistencyLevel, cql.PageSize, cql.Parameters.Cast<DbParameter>().Select(p => p.Value).ToArray()));
        }
    }
}
