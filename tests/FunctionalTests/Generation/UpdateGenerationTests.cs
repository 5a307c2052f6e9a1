using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class UpdateGenerationTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a4e-0000-4000-8000-000000000001");

    [Fact]
    public async Task Added_entity_is_one_insert_naming_every_non_null_column()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        context.Add(new Person { Id = Id, Name = "Ada", Nickname = "Countess", Photo = [1, 2] });

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal(
            "INSERT INTO \"ks\".\"people\" (\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Nickname\", \"Photo\", \"Score\", \"Visits\") "
            + "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9)",
            text);
        Assert.Equal(10, parameters.Count);
        Assert.Equal(Id, parameters[":p0"]);
        Assert.Equal("Ada", parameters[":p5"]);
    }

    [Fact]
    public async Task Null_values_of_an_added_entity_are_left_out_of_the_insert_and_not_bound()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        context.Add(new Person { Id = Id, Name = "Ada" });

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal(
            "INSERT INTO \"ks\".\"people\" (\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Score\", \"Visits\") "
            + "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)",
            text);
        Assert.Equal(8, parameters.Count);
        Assert.DoesNotContain(null, parameters.Values);
    }

    [Fact]
    public async Task Added_rows_of_one_type_each_get_the_insert_of_the_columns_they_write_with_their_own_values()
    {
        // Rows of one shape share one statement text (built once); each row's values are still its own, and a row
        // whose nulls differ gets its own INSERT.
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        var ids = Enumerable.Range(1, 4).Select(i => Guid.Parse($"6f1c2a4e-0000-4000-8000-00000000001{i}")).ToArray();
        context.AddRange(
            new Person { Id = ids[0], Name = "Ada", Age = 36 },
            new Person { Id = ids[1], Name = "Grace", Nickname = "Amazing", Age = 85 },
            new Person { Id = ids[2], Name = "Edsger", Age = 72 },
            new Person { Id = ids[3], Name = "Barbara", Nickname = "Liskov", Age = 86 });

        await context.SaveChangesAsync();

        var withoutNickname = "INSERT INTO \"ks\".\"people\" (\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Score\", \"Visits\") "
            + "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)";
        var withNickname = "INSERT INTO \"ks\".\"people\" (\"Id\", \"Active\", \"Age\", \"Balance\", \"CreatedAt\", \"Name\", \"Nickname\", \"Score\", \"Visits\") "
            + "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8)";
        Assert.Equal(4, capture.Commands.Count);
        var byId = capture.Commands.ToDictionary(c => (Guid)c.Parameters[":p0"]!);
        Assert.Equal(withoutNickname, byId[ids[0]].Text);
        Assert.Equal(withNickname, byId[ids[1]].Text);
        Assert.Equal(withoutNickname, byId[ids[2]].Text);
        Assert.Equal(withNickname, byId[ids[3]].Text);
        Assert.Equal(("Ada", 36), ((string)byId[ids[0]].Parameters[":p5"]!, (int)byId[ids[0]].Parameters[":p2"]!));
        Assert.Equal(("Edsger", 72), ((string)byId[ids[2]].Parameters[":p5"]!, (int)byId[ids[2]].Parameters[":p2"]!));
        Assert.Equal(("Grace", "Amazing", 85), ((string)byId[ids[1]].Parameters[":p5"]!, (string)byId[ids[1]].Parameters[":p6"]!, (int)byId[ids[1]].Parameters[":p2"]!));
        Assert.Equal(("Barbara", "Liskov", 86), ((string)byId[ids[3]].Parameters[":p5"]!, (string)byId[ids[3]].Parameters[":p6"]!, (int)byId[ids[3]].Parameters[":p2"]!));
    }

    [Fact]
    public async Task Modified_property_is_an_update_of_that_column_by_key()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        var person = new Person { Id = Id, Name = "Ada" };
        context.Attach(person);
        person.Age = 37;

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"people\" SET \"Age\" = :p0 WHERE \"Id\" = :p1", text);
        Assert.Equal(37, parameters[":p0"]);
        Assert.Equal(Id, parameters[":p1"]);
    }

    [Fact]
    public async Task Property_set_to_null_is_updated_to_null()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        var person = new Person { Id = Id, Name = "Ada", Nickname = "Countess" };
        context.Attach(person);
        person.Nickname = null;

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("UPDATE \"ks\".\"people\" SET \"Nickname\" = :p0 WHERE \"Id\" = :p1", text);
        Assert.Null(parameters[":p0"]);
    }

    [Fact]
    public async Task Deleted_entity_is_a_delete_by_key()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        context.Remove(new Person { Id = Id });

        await context.SaveChangesAsync();

        var (text, parameters) = Assert.Single(capture.Commands);
        Assert.Equal("DELETE FROM \"ks\".\"people\" WHERE \"Id\" = :p0", text);
        Assert.Equal(Id, parameters[":p0"]);
    }

    [Fact]
    public async Task Several_changes_are_several_statements_without_a_transaction()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        context.Add(new Person { Id = Guid.NewGuid(), Name = "A" });
        context.Add(new Person { Id = Guid.NewGuid(), Name = "B" });
        context.Remove(new Person { Id = Id });

        await context.SaveChangesAsync();

        Assert.Equal(3, capture.Commands.Count);
        Assert.Equal(2, capture.Texts.Count(t => t.StartsWith("INSERT INTO", StringComparison.Ordinal)));
        Assert.Single(capture.Texts, t => t.StartsWith("DELETE FROM", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Texts, t => t.Contains("TRANSACTION", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Guid_keys_are_generated_on_the_client()
    {
        var capture = new CommandCapture();
        await using var context = capture.CreateContext();
        var person = new Person { Name = "Ada" };
        context.Add(person);

        await context.SaveChangesAsync();

        Assert.NotEqual(Guid.Empty, person.Id);
        Assert.Equal(person.Id, Assert.Single(capture.Commands).Parameters[":p0"]);
    }

    [Fact]
    public void Transactions_are_refused_with_an_explanation()
    {
        using var context = PeopleContext.ForGeneration();

        var exception = Assert.Throws<NotSupportedException>(() => context.Database.BeginTransaction());

        Assert.Contains("Cassandra has no transactions", exception.Message);
        Assert.Contains("batches", exception.Message);
    }
}
