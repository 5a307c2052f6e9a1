using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class QueryGenerationTests
{
    private const string Columns
        = "\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Nickname\", \"Photo\", \"Score\", \"Visits\"";

    [Fact]
    public void Listing_the_table_selects_every_column_without_aliases()
    {
        using var context = PeopleContext.ForGeneration();

        Assert.Equal($"SELECT {Columns} FROM \"ks\".\"people\"", context.People.ToQueryString());
    }

    [Fact]
    public void Where_key_equals_binds_a_named_marker()
    {
        using var context = PeopleContext.ForGeneration();
        var id = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001");

        Assert.Equal(
            "-- :id='6f1c2a4e-0000-4000-8000-000000000001'\n\n"
            + $"SELECT {Columns} FROM \"ks\".\"people\" WHERE \"Id\" = :id",
            Normalize(context.People.Where(p => p.Id == id).ToQueryString()));
    }

    [Fact]
    public void Take_becomes_limit()
    {
        using var context = PeopleContext.ForGeneration();

        // EF parameterises Take's constant (one cached statement for every page size); CQL binds LIMIT.
        Assert.Equal(
            $"-- :p='5'\n\nSELECT {Columns} FROM \"ks\".\"people\" LIMIT :p",
            Normalize(context.People.Take(5).ToQueryString()));
    }

    [Fact]
    public void Take_of_a_variable_binds_the_limit()
    {
        using var context = PeopleContext.ForGeneration();
        var count = 7;

        Assert.Equal(
            $"-- :p='7'\n\nSELECT {Columns} FROM \"ks\".\"people\" LIMIT :p",
            Normalize(context.People.Take(count).ToQueryString()));
    }

    [Fact]
    public void Where_key_and_Take_is_a_point_read_with_limit()
    {
        using var context = PeopleContext.ForGeneration();
        var id = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001");

        Assert.EndsWith(
            $"SELECT {Columns} FROM \"ks\".\"people\" WHERE \"Id\" = :id LIMIT :p",
            context.People.Where(p => p.Id == id).Take(1).ToQueryString());
    }

    [Fact]
    public void Comparison_with_a_nullable_column_has_no_null_compensation()
    {
        using var context = ForFiltering();
        var nickname = "Bob";

        var cql = context.People.Where(p => p.Nickname == nickname).AllowFiltering().ToQueryString();

        Assert.EndsWith($"SELECT {Columns} FROM \"ks\".\"people\" WHERE \"Nickname\" = :nickname ALLOW FILTERING", cql);
        Assert.DoesNotContain("IS NULL", cql);
        Assert.DoesNotContain(" OR ", cql);
    }

    [Fact]
    public void A_constant_is_printed_as_a_cql_literal()
    {
        using var context = ForFiltering();

        Assert.Equal(
            $"SELECT {Columns} FROM \"ks\".\"people\" WHERE \"Name\" = 'O''Brien' ALLOW FILTERING",
            context.People.Where(p => p.Name == "O'Brien").AllowFiltering().ToQueryString());
    }

    [Fact]
    public void Keyspace_option_overrides_the_connection_string()
    {
        using var context = new PeopleContext(
            new DbContextOptionsBuilder()
                .UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.Keyspace("other"))
                .Options);

        Assert.Equal($"SELECT {Columns} FROM \"other\".\"people\"", context.People.ToQueryString());
    }

    [Fact]
    public void Contexts_on_different_keyspaces_do_not_share_models_or_queries()
    {
        using var first = PeopleContext.ForGeneration("first");
        using var second = PeopleContext.ForGeneration("second");

        Assert.Equal($"SELECT {Columns} FROM \"first\".\"people\"", first.People.ToQueryString());
        Assert.Equal($"SELECT {Columns} FROM \"second\".\"people\"", second.People.ToQueryString());
    }

    [Fact]
    public void Skip_is_refused_with_the_remedy()
    {
        using var context = PeopleContext.ForGeneration();

        var exception = Assert.Throws<InvalidOperationException>(() => context.People.Skip(10).ToQueryString());

        Assert.Contains("OFFSET", exception.Message);
        Assert.Contains("key range", exception.Message);
    }

    // Filtering on a column without an index needs Cassandra 3.6 (and AllowFiltering).
    private static PeopleContext ForFiltering()
        => new(new DbContextOptionsBuilder().UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.ServerVersion("4.0")).Options);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
