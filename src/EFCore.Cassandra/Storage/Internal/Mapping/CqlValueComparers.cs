using System.Reflection;

using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// Value comparers that look inside collections and user-defined types, so that change tracking notices an element
/// added to a list or a field changed in a UDT, and keeps a snapshot that later changes to the value do not touch.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlValueComparers
{
    /// <summary>An ordered comparison for a list-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Sequence(Type collectionType, Type elementType, ValueComparer elementComparer)
        => Create(nameof(CreateSequence), [collectionType, elementType], elementComparer);

    /// <summary>A set comparison for a set-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Set(Type collectionType, Type elementType)
        => Create(nameof(CreateSet), [collectionType, elementType]);

    /// <summary>An entry-wise comparison for a dictionary-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Map(Type collectionType, Type keyType, Type valueType, ValueComparer valueComparer)
        => Create(nameof(CreateMap), [collectionType, keyType, valueType], valueComparer);

    /// <summary>A field-wise comparison for a user-defined type's class.</summary>
    public static ValueComparer Object(Type clrType, IReadOnlyList<(PropertyInfo Property, string Name, RelationalTypeMapping Mapping)> fields)
        => Create(nameof(CreateObject), [clrType], fields.Select(f => (f.Property, f.Mapping.Comparer)).ToArray());

    private static ValueComparer Create(string factory, Type[] typeArguments, params object[] arguments)
        => (ValueComparer)typeof(CqlValueComparers).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeArguments)
            .Invoke(null, arguments)!;

    private static ValueComparer<TCollection> CreateSequence<TCollection, TElement>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
        => new(
            (a, b) => SequenceEquals(a, b, elementComparer),
            v => SequenceHash(v, elementComparer),
            v => SnapshotSequence<TCollection, TElement>(v, elementComparer));

    private static ValueComparer<TCollection> CreateSet<TCollection, TElement>()
        where TCollection : class, IEnumerable<TElement>
        => new(
            (a, b) => SetEquals<TElement>(a, b),
            v => v == null ? 0 : v.Count(),
            v => SnapshotSet<TCollection, TElement>(v));

    private static ValueComparer<TCollection> CreateMap<TCollection, TKey, TValue>(ValueComparer valueComparer)
        where TCollection : class, IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
        => new(
            (a, b) => MapEquals(a, b, valueComparer),
            v => v == null ? 0 : v.Count(),
            v => SnapshotMap<TCollection, TKey, TValue>(v, valueComparer));

    private static ValueComparer<T> CreateObject<T>((PropertyInfo Property, ValueComparer Comparer)[] fields)
        => new(
            (a, b) => ObjectEquals(a, b, fields),
            v => ObjectHash(v, fields),
            v => SnapshotObject(v, fields));

    private static bool SequenceEquals<TElement>(IEnumerable<TElement>? a, IEnumerable<TElement>? b, ValueComparer elementComparer)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        while (true)
        {
            var hasLeft = left.MoveNext();
            if (hasLeft != right.MoveNext())
            {
                return false;
            }

            if (!hasLeft)
            {
                return true;
            }

            if (!elementComparer.Equals(left.Current, right.Current))
            {
                return false;
            }
        }
    }

    private static int SequenceHash<TElement>(IEnumerable<TElement>? value, ValueComparer elementComparer)
    {
        var hash = new HashCode();
        foreach (var element in value ?? [])
        {
            hash.Add(elementComparer.GetHashCode(element));
        }

        return hash.ToHashCode();
    }

    private static TCollection SnapshotSequence<TCollection, TElement>(TCollection? value, ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        if (value is null)
        {
            return null!;
        }

        var copy = value.Select(e => (TElement)elementComparer.Snapshot(e)!);
        return typeof(TCollection).IsArray ? (TCollection)(object)copy.ToArray() : (TCollection)(object)copy.ToList();
    }

    private static bool SetEquals<TElement>(IEnumerable<TElement>? a, IEnumerable<TElement>? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && new HashSet<TElement>(a).SetEquals(b));

    private static TCollection SnapshotSet<TCollection, TElement>(TCollection? value)
        where TCollection : class, IEnumerable<TElement>
        => value is null ? null! : (TCollection)(object)new HashSet<TElement>(value);

    private static bool MapEquals<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>>? a,
        IEnumerable<KeyValuePair<TKey, TValue>>? b,
        ValueComparer valueComparer)
        where TKey : notnull
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        var right = b as IReadOnlyDictionary<TKey, TValue> ?? b.ToDictionary(e => e.Key, e => e.Value);
        var count = 0;
        foreach (var (key, value) in a)
        {
            count++;
            if (!right.TryGetValue(key, out var other) || !valueComparer.Equals(value, other))
            {
                return false;
            }
        }

        return count == right.Count;
    }

    private static TCollection SnapshotMap<TCollection, TKey, TValue>(TCollection? value, ValueComparer valueComparer)
        where TCollection : class, IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
        => value is null ? null! : (TCollection)(object)value.ToDictionary(e => e.Key, e => (TValue)valueComparer.Snapshot(e.Value)!);

    private static bool ObjectEquals<T>(T? a, T? b, (PropertyInfo Property, ValueComparer Comparer)[] fields)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        foreach (var (property, comparer) in fields)
        {
            if (!comparer.Equals(property.GetValue(a), property.GetValue(b)))
            {
                return false;
            }
        }

        return true;
    }

    private static int ObjectHash<T>(T? value, (PropertyInfo Property, ValueComparer Comparer)[] fields)
    {
        var hash = new HashCode();
        if (value is not null)
        {
            foreach (var (property, comparer) in fields)
            {
                hash.Add(property.GetValue(value) is { } field ? comparer.GetHashCode(field) : 0);
            }
        }

        return hash.ToHashCode();
    }

    private static T SnapshotObject<T>(T? value, (PropertyInfo Property, ValueComparer Comparer)[] fields)
    {
        if (value is null)
        {
            return default!;
        }

        var copy = Activator.CreateInstance<T>();
        foreach (var (property, comparer) in fields)
        {
            property.SetValue(copy, comparer.Snapshot(property.GetValue(value)));
        }

        return copy;
    }
}
