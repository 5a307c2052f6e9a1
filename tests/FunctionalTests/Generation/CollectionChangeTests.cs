#pragma warning disable EF1001 // these tests pin the provider's own internal collection diff
using EntityFrameworkCore.Cassandra.Update.Internal;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public sealed class CollectionChangeTests
{
    [Fact]
    public void A_set_of_values_diffs_into_added_and_removed()
    {
        var change = CollectionChange.Compute("set<int>", new HashSet<int> { 1, 2 }, new HashSet<int> { 2, 3 })!;
        Assert.Equal([3], change.Added as object[]);
        Assert.Equal([1], change.Removed);
    }

    [Fact]
    public void A_set_of_blobs_is_written_whole_since_equal_copies_would_look_added_and_removed()
    {
        var before = new HashSet<byte[]> { new byte[] { 1 } };
        var after = new HashSet<byte[]> { new byte[] { 1 } };
        Assert.Null(CollectionChange.Compute("set<blob>", before, after));
    }

    [Fact]
    public void A_list_that_only_grew_at_its_end_is_appended_otherwise_replaced()
    {
        Assert.Equal([3], CollectionChange.Compute("list<int>", new List<int> { 1, 2 }, new List<int> { 1, 2, 3 })!.Added as object[]);
        Assert.Null(CollectionChange.Compute("list<int>", new List<int> { 1, 2 }, new List<int> { 2 }));
    }

    [Fact]
    public void A_map_diffs_into_added_or_changed_entries_and_removed_keys()
    {
        var change = CollectionChange.Compute(
            "map<text, int>", new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<string, int> { ["b"] = 3, ["c"] = 4 })!;
        Assert.Equal(new Dictionary<object, object?> { ["b"] = 3, ["c"] = 4 }, change.Added as Dictionary<object, object?>);
        Assert.Equal(["a"], change.Removed);
    }

    [Fact]
    public void A_converted_collection_diffs_on_its_provider_values()
    {
        var converter = new ValueConverter<HashSet<DayOfWeek>, HashSet<int>>(v => v.Select(d => (int)d).ToHashSet(), v => v.Select(i => (DayOfWeek)i).ToHashSet());
        var change = CollectionChange.Compute(
            "set<int>", new HashSet<DayOfWeek> { DayOfWeek.Monday }, new HashSet<DayOfWeek> { DayOfWeek.Friday }, converter)!;
        Assert.Equal([5], change.Added as object[]);
        Assert.Equal([1], change.Removed);
    }
}
