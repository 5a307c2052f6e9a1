using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;
using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class StoreUpdateGenerationTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000002");

    private static StoreContext Create(CommandCapture capture)
        => new(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks").AddInterceptors(capture).Options);

    [Fact]
    public async Task Counter_is_incremented_by_the_difference()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        var views = new PageViews { Id = Id, Hits = 10 };
        context.Attach(views);
        views.Hits = 13;

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"page_views\" SET \"Hits\" = \"Hits\" + :p0 WHERE \"Id\" = :p1", text);
        Assert.Equal(3L, parameters[":p0"]);
    }

    [Fact]
    public async Task Added_counter_row_is_an_increment_from_zero()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        context.Add(new PageViews { Id = Id, Hits = 5 });

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"page_views\" SET \"Hits\" = \"Hits\" + :p0 WHERE \"Id\" = :p1", text);
        Assert.Equal(5L, parameters[":p0"]);
    }

    [Fact]
    public async Task Concurrency_token_is_a_lightweight_transaction_condition()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        var document = new Document { Id = Id, Title = "a", Version = 1 };
        context.Attach(document);
        document.Title = "b";
        document.Version = 2;

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"documents\" SET \"Title\" = :p0, \"Version\" = :p1 WHERE \"Id\" = :p2 IF \"Version\" = :p3", text);
        Assert.Equal(1, parameters[":p3"]);
    }

    [Fact]
    public async Task Delete_with_a_token_and_insert_if_not_exists()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        context.Remove(new Document { Id = Id, Version = 4 });
        context.Add(new Note { Id = "n1", Text = "hello" });

        await context.SaveChangesAsync();

        Assert.Contains("DELETE FROM \"ks\".\"documents\" WHERE \"Id\" = :p0 IF \"Version\" = :p1", capture.Texts);
        Assert.Contains("INSERT INTO \"ks\".\"notes\" (\"Id\", \"Text\") VALUES (:p0, :p1) IF NOT EXISTS", capture.Texts);
    }

    [Fact]
    public async Task Rows_of_one_partition_share_an_unlogged_batch()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        var at = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        context.AddRange(
            new Reading { SensorId = Id, Day = 1, At = at, Seq = 1, Value = 1 },
            new Reading { SensorId = Id, Day = 1, At = at, Seq = 2, Value = 2 },
            new Reading { SensorId = Id, Day = 2, At = at, Seq = 1, Value = 3 });

        await context.SaveChangesAsync();

        Assert.Equal(2, capture.Commands.Count);
        Assert.Single(capture.Texts, t => t.StartsWith("BEGIN UNLOGGED BATCH INSERT INTO \"ks\".\"readings\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logged_batch_mode_sends_one_batch()
    {
        var capture = new CommandCapture();
        await using var context = new StoreContext(
            new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.UseLoggedBatch())
                .AddInterceptors(capture).Options);
        context.Add(new Token { Id = Guid.NewGuid(), Value = "a" });
        context.Add(new Bulk { Id = Guid.NewGuid(), Name = "b", N = 1 });

        await context.SaveChangesAsync();

        var (text, _) = Assert.Single(capture.Commands);
        Assert.StartsWith("BEGIN BATCH ", text);
        Assert.EndsWith(" APPLY BATCH", text);
    }

    [Fact]
    public async Task Logged_batch_mode_refuses_lightweight_transactions_across_partitions_before_sending()
    {
        var capture = new CommandCapture();
        await using var context = new StoreContext(
            new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.UseLoggedBatch())
                .AddInterceptors(capture).Options);
        context.Add(new Token { Id = Guid.NewGuid(), Value = "a" });
        context.Add(new Note { Id = "x" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("conditional batch that spans partitions", error.Message);
        Assert.Empty(capture.Commands);
    }

    [Fact]
    public async Task Update_of_a_static_column_alone_names_the_partition_only()
    {
        var capture = new CommandCapture();
        await using var context = Create(capture);
        var reading = new Reading { SensorId = Id, Day = 1, At = DateTime.UnixEpoch, Seq = 1, SensorName = "a" };
        context.Attach(reading);
        reading.SensorName = "b";

        await context.SaveChangesAsync();

        Assert.Equal(
            "UPDATE \"ks\".\"readings\" SET \"SensorName\" = :p0 WHERE \"Day\" = :p1 AND \"SensorId\" = :p2",
            Assert.Single(capture.Texts));
    }
}
