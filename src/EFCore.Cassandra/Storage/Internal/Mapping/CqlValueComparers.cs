using System.Reflection;
using System.Runtime.CompilerServices;

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
    /// <summary>
    /// Blobs compare by content and are snapshotted as a copy, so that a byte changed in place (also in a blob inside a
    /// collection, tuple or UDT) is a change.
    /// </summary>
    public static ValueComparer<byte[]> Bytes { get; } = new(
        (a, b) => BytesEqual(a, b),
        v => BytesHash(v),
        v => v == null ? null! : v.ToArray());

    /// <summary>
    /// A <c>timestamp</c> compares as Cassandra stores it: the UTC instant truncated to milliseconds. A
    /// <see cref="DateTimeKind.Local"/> value is converted to UTC first; an <see cref="DateTimeKind.Unspecified"/> one is
    /// taken as UTC (as it is written). So two values that would be written as the same timestamp are equal, and two
    /// entities whose keys differ only below a millisecond, or only in their kind, are one row to EF as they are to Cassandra.
    /// </summary>
    public static ValueComparer<DateTime> Timestamp { get; } = new(
        (a, b) => TimestampTicks(a) == TimestampTicks(b),
        v => TimestampTicks(v).GetHashCode(),
        v => v);

    /// <summary>A <c>timestamp</c> mapped to <see cref="DateTimeOffset"/>: the UTC instant truncated to milliseconds (the offset is not stored).</summary>
    public static ValueComparer<DateTimeOffset> TimestampOffset { get; } = new(
        (a, b) => TimestampTicks(a.UtcDateTime) == TimestampTicks(b.UtcDateTime),
        v => TimestampTicks(v.UtcDateTime).GetHashCode(),
        v => v);

    /// <summary>The UTC ticks of <paramref name="value"/>, truncated to whole milliseconds: what a <c>timestamp</c> keeps.</summary>
    public static long TimestampTicks(DateTime value)
    {
        var ticks = (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks;
        return ticks - (ticks % TimeSpan.TicksPerMillisecond);
    }

    private static bool BytesEqual(byte[]? a, byte[]? b)
        => ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    private static int BytesHash(byte[]? value)
    {
        var hash = new HashCode();
        hash.AddBytes(value);
        return hash.ToHashCode();
    }

    /// <summary>An ordered comparison for a list-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Sequence(Type collectionType, Type elementType, ValueComparer elementComparer)
        => Create(nameof(CreateSequence), [collectionType, elementType], elementComparer);

    /// <summary>A set comparison for a set-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Set(Type collectionType, Type elementType, ValueComparer elementComparer)
        => Create(nameof(CreateSet), [collectionType, elementType], elementComparer);

    /// <summary>An entry-wise comparison for a dictionary-like <paramref name="collectionType"/>.</summary>
    public static ValueComparer Map(Type collectionType, Type keyType, Type valueType, ValueComparer keyComparer, ValueComparer valueComparer)
        => Create(nameof(CreateMap), [collectionType, keyType, valueType], keyComparer, valueComparer);

    /// <summary>A component-wise comparison for a value tuple type <paramref name="tupleType"/>.</summary>
    public static ValueComparer Tuple(Type tupleType, IReadOnlyList<ValueComparer> componentComparers)
        => Create(nameof(CreateTuple), [tupleType], (object)componentComparers.ToArray());

    /// <summary>A field-wise comparison for a user-defined type's class.</summary>
    public static ValueComparer Object(Type clrType, IReadOnlyList<(PropertyInfo Property, string Name, RelationalTypeMapping Mapping)> fields)
        => Create(nameof(CreateObject), [clrType], fields.Select(f => (f.Property, f.Mapping.Comparer)).ToArray());

    /// <summary>
    /// The element mapping's comparer as an <see cref="IEqualityComparer{T}"/> for the hash sets and dictionaries the
    /// comparers build.
    /// </summary>
    private sealed class ElementEquality<T>(ValueComparer comparer) : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => comparer.Equals(x, y);

        public int GetHashCode(T obj) => obj is null ? 0 : comparer.GetHashCode(obj);
    }

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

    private static ValueComparer<TCollection> CreateSet<TCollection, TElement>(ValueComparer elementComparer)
        where TCollection : class, IEnumerable<TElement>
    {
        var equality = new ElementEquality<TElement>(elementComparer);
        return new(
            (a, b) => SetEquals(a, b, equality),
            v => UnorderedHash(v, equality),
            v => SnapshotSet<TCollection, TElement>(v, elementComparer, equality));
    }

    private static ValueComparer<TCollection> CreateMap<TCollection, TKey, TValue>(ValueComparer keyComparer, ValueComparer valueComparer)
        where TCollection : class, IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
    {
        var keys = new ElementEquality<TKey>(keyComparer);
        return new(
            (a, b) => MapEquals(a, b, keys, valueComparer),
            v => MapHash(v, keys, valueComparer),
            v => SnapshotMap<TCollection, TKey, TValue>(v, keyComparer, valueComparer, keys));
    }

    private static ValueComparer<T> CreateTuple<T>(ValueComparer[] components)
        where T : struct, ITuple
        => new(
            (a, b) => TupleEquals(a, b, components),
            v => TupleHash(v, components),
            v => SnapshotTuple(v, components));

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

    // A snapshot and the current set are compared element-wise with the element mapping's comparer, never with the
    // set's own comparer (a mutable UDT element or a byte[] has reference equality there); the current value is only
    // enumerated, so an element mutated after it was added to the user's set is still seen by its new content.
    private static bool SetEquals<TElement>(IEnumerable<TElement>? a, IEnumerable<TElement>? b, ElementEquality<TElement> equality)
        => ReferenceEquals(a, b) || (a is not null && b is not null && new HashSet<TElement>(a, equality).SetEquals(new HashSet<TElement>(b, equality)));

    private static int UnorderedHash<TElement>(IEnumerable<TElement>? value, IEqualityComparer<TElement> equality)
    {
        // Order-independent: sets and maps enumerate in an order that equal values need not share.
        var hash = 0;
        var count = 0;
        foreach (var element in value ?? [])
        {
            hash ^= element is null ? 0 : equality.GetHashCode(element);
            count++;
        }

        return HashCode.Combine(hash, count);
    }

    private static int MapHash<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>>? value, ElementEquality<TKey> keys, ValueComparer valueComparer)
        where TKey : notnull
        => UnorderedHash(
            value?.Select(e => HashCode.Combine(keys.GetHashCode(e.Key), e.Value is null ? 0 : valueComparer.GetHashCode(e.Value))),
            EqualityComparer<int>.Default);

    private static TCollection SnapshotSet<TCollection, TElement>(TCollection? value, ValueComparer elementComparer, ElementEquality<TElement> equality)
        where TCollection : class, IEnumerable<TElement>
        => value is null ? null! : (TCollection)(object)new HashSet<TElement>(value.Select(e => (TElement)elementComparer.Snapshot(e)!), equality);

    private static bool MapEquals<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>>? a,
        IEnumerable<KeyValuePair<TKey, TValue>>? b,
        ElementEquality<TKey> keys,
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

        var right = b.ToDictionary(e => e.Key, e => e.Value, keys);
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

    private static TCollection SnapshotMap<TCollection, TKey, TValue>(
        TCollection? value, ValueComparer keyComparer, ValueComparer valueComparer, ElementEquality<TKey> keys)
        where TCollection : class, IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
        => value is null ? null! : (TCollection)(object)value.ToDictionary(
            e => (TKey)keyComparer.Snapshot(e.Key)!, e => (TValue)valueComparer.Snapshot(e.Value)!, keys);

    private static bool TupleEquals<T>(T a, T b, ValueComparer[] components)
        where T : struct, ITuple
    {
        for (var i = 0; i < components.Length; i++)
        {
            if (!components[i].Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int TupleHash<T>(T value, ValueComparer[] components)
        where T : struct, ITuple
    {
        var hash = new HashCode();
        for (var i = 0; i < components.Length; i++)
        {
            hash.Add(value[i] is { } component ? components[i].GetHashCode(component) : 0);
        }

        return hash.ToHashCode();
    }

    private static T SnapshotTuple<T>(T value, ValueComparer[] components)
        where T : struct, ITuple
    {
        var copies = new object?[components.Length];
        for (var i = 0; i < components.Length; i++)
        {
            copies[i] = components[i].Snapshot(value[i]);
        }

        return (T)Activator.CreateInstance(typeof(T), copies)!;
    }

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
