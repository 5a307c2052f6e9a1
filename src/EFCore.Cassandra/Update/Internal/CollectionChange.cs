using System.Collections;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// What changed in a collection value between the one read and the one to write, for an incremental update: the
/// elements (set) or entries (map) added, the elements or keys removed, or the tail appended to a list. Null when the
/// change cannot be expressed incrementally (a list reordered or shortened), so the collection is replaced whole.
/// The elements, keys and values are provider values (as the driver binds them): a collection stored through a value
/// converter (<c>List&lt;Mood&gt;</c> as <c>list&lt;int&gt;</c>) is compared after converting both values.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed record CollectionChange(CollectionChange.Shape Kind, object? Added, IReadOnlyList<object> Removed)
{
    /// <summary>The collection kinds.</summary>
    public enum Shape
    {
        /// <summary>A set: elements added and removed.</summary>
        Set,

        /// <summary>A map: entries added or changed, keys removed.</summary>
        Map,

        /// <summary>A list that grew at its end: the tail appended.</summary>
        ListAppend,
    }

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added is null && Removed.Count == 0;

    /// <summary>
    /// The change from <paramref name="original"/> to <paramref name="current"/> (model values) of a column of
    /// <paramref name="storeType"/> whose values go through <paramref name="converter"/>: both are converted to provider
    /// values first, so the elements added and removed are the ones bound (an enum as its underlying integer, or as the
    /// text a converter makes of it).
    /// </summary>
    public static CollectionChange? Compute(string? storeType, object? original, object? current, ValueConverter? converter)
        => converter is null || original is null || current is null
            ? Compute(storeType, original, current)
            : Compute(storeType, converter.ConvertToProvider(original), converter.ConvertToProvider(current));

    /// <summary>The change from <paramref name="original"/> to <paramref name="current"/> of a column of <paramref name="storeType"/>.</summary>
    public static CollectionChange? Compute(string? storeType, object? original, object? current)
    {
        if (original is null || current is null || storeType is null)
        {
            return null;
        }

        if (storeType.StartsWith("set<", StringComparison.OrdinalIgnoreCase) && original is IEnumerable before && current is IEnumerable after)
        {
            var old = before.Cast<object>().ToHashSet();
            var now = after.Cast<object>().ToHashSet();
            if (!old.Concat(now).All(HasValueEquality))
            {
                // Elements compared by reference (blobs, UDT classes, frozen collections) would look added and removed
                // at once, and a removal written beside an addition of an equal element deletes it: write the set whole.
                return null;
            }

            var added = now.Where(e => !old.Contains(e)).ToArray();
            var removed = old.Where(e => !now.Contains(e)).ToArray();
            return new CollectionChange(Shape.Set, added.Length > 0 ? added : null, removed);
        }

        if (storeType.StartsWith("map<", StringComparison.OrdinalIgnoreCase) && original is IDictionary oldMap && current is IDictionary newMap
            && oldMap.Keys.Cast<object>().Concat(newMap.Keys.Cast<object>()).All(HasValueEquality))
        {
            Dictionary<object, object?>? added = null;
            foreach (DictionaryEntry entry in newMap)
            {
                if (!oldMap.Contains(entry.Key) || !Equals(oldMap[entry.Key], entry.Value))
                {
                    (added ??= [])[entry.Key] = entry.Value;
                }
            }

            var removed = oldMap.Keys.Cast<object>().Where(k => !newMap.Contains(k)).ToArray();
            return new CollectionChange(Shape.Map, added, removed);
        }

        if (storeType.StartsWith("list<", StringComparison.OrdinalIgnoreCase) && original is IEnumerable oldList && current is IEnumerable newList)
        {
            var old = oldList.Cast<object>().ToList();
            var now = newList.Cast<object>().ToList();
            if (!old.All(HasValueEquality) || now.Count < old.Count || !old.SequenceEqual(now.Take(old.Count)))
            {
                return null;
            }

            return new CollectionChange(Shape.ListAppend, now.Count > old.Count ? now.Skip(old.Count).ToArray() : null, []);
        }

        return null;
    }

    // Values whose Equals compares content: what a diff can rely on.
    private static bool HasValueEquality(object value)
        => value is string or System.Net.IPAddress or System.Numerics.BigInteger or CqlConnector.TimeUuid
            || (value.GetType() is { IsValueType: true } type && (type.IsPrimitive || type.IsEnum || value is Guid or decimal or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan));
}
