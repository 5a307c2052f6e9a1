using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>
/// A column configured as <c>frozen&lt;tuple&lt;…&gt;&gt;</c> is created, written and read on the node. (Cassandra
/// 2.1.0 allows frozen only on tuples and user-defined types, so frozen collections are checked as DDL text only.)
/// </summary>
public class FrozenTupleLiveTests
{
    [Fact]
    public async Task A_configured_frozen_tuple_column_round_trips()
    {
        var endpoint = await CassandraServer.GetAsync();
        var keyspace = "t_frozentuple_" + Guid.NewGuid().ToString("N")[..12];
        var options = new DbContextOptionsBuilder()
            .UseCassandra($"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={keyspace}").Options;

        await using (var context = new PairContext(options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        try
        {
            await using (var context = new PairContext(options))
            {
                context.Add(new PairRow { Id = 1, Pair = (7, "seven") });
                await context.SaveChangesAsync();
            }

            await using (var context = new PairContext(options))
            {
                var row = await context.Set<PairRow>().SingleAsync(r => r.Id == 1);
                Assert.Equal((7, "seven"), row.Pair);
                Assert.Equal(
                    "frozen<tuple<int, text>>",
                    context.Model.FindEntityType(typeof(PairRow))!.FindProperty(nameof(PairRow.Pair))!.GetColumnType());
            }
        }
        finally
        {
            await using var context = new PairContext(options);
            await context.Database.EnsureDeletedAsync();
        }
    }

    public sealed class PairRow
    {
        public int Id { get; set; }

        public (int, string) Pair { get; set; }
    }

    private sealed class PairContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<PairRow>(e =>
            {
                e.ToTable("pairs");
                e.Property(r => r.Pair).HasColumnType("frozen<tuple<int, text>>");
            });
    }
}
