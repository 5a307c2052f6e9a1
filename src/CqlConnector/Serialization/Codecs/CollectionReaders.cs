using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CqlConnector.Serialization.Codecs;

/// <summary>Decodes a value's bytes given its CQL type (the element type for list and set; the whole type otherwise).</summary>
internal delegate object SpanReader(ReadOnlySpan<byte> bytes, CqlType type);

/// <summary>The CLR shape a list, set or vector is read into.</summary>
internal enum SequenceShape
{
    /// <summary><see cref="List{T}"/>.</summary>
    List,

    /// <summary><see cref="HashSet{T}"/>.</summary>
    HashSet,

    /// <summary>A one-dimensional array.</summary>
    Array,
}

/// <summary>
/// Typed readers for collections, made once per (shape, element CLR type) from generic methods and cached, so that a
/// list&lt;int&gt; becomes a List&lt;int&gt; with no boxed element, and a requested IReadOnlyList&lt;long&gt; is read
/// element by element as long.
/// </summary>
internal static class CollectionReaders
{
    // One dictionary per shape, keyed by element type alone: an enum in a tuple key would be boxed to hash it in
    // unoptimised code.
    private static readonly ConcurrentDictionary<Type, SpanReader>[] SequenceReaders = [new(), new(), new()];
    private static readonly ConcurrentDictionary<Type, SpanReader>[] VectorReaders = [new(), new(), new()];
    private static readonly ConcurrentDictionary<(Type Key, Type Value, bool Sorted), SpanReader> MapReaders = new();

    /// <summary>A reader of list/set bytes into <paramref name="shape"/> of <paramref name="element"/>; called with the element's CQL type.</summary>
    public static SpanReader GetSequenceReader(SequenceShape shape, Type element)
        => SequenceReaders[(int)shape].GetOrAdd(element, static (key, shape) => Create(shape switch
        {
            SequenceShape.List => nameof(ReadList),
            SequenceShape.HashSet => nameof(ReadHashSet),
            _ => nameof(ReadArray),
        }, key), shape);

    /// <summary>A reader of vector bytes into <paramref name="shape"/> of <paramref name="element"/>; called with the vector's CQL type.</summary>
    public static SpanReader GetVectorReader(SequenceShape shape, Type element)
        => VectorReaders[(int)shape].GetOrAdd(element, static (key, shape) => Create(shape switch
        {
            SequenceShape.List => nameof(ReadVectorList),
            SequenceShape.HashSet => nameof(ReadVectorHashSet),
            _ => nameof(ReadVectorArray),
        }, key), shape);

    /// <summary>A reader of map bytes into a dictionary of <paramref name="key"/> and <paramref name="value"/>; called with the map's CQL type.</summary>
    public static SpanReader GetMapReader(Type key, Type value, bool sorted)
        => MapReaders.GetOrAdd((key, value, sorted), static k => Create(k.Sorted ? nameof(ReadSortedDictionary) : nameof(ReadDictionary), k.Key, k.Value));

    /// <summary>
    /// Resolves a requested CLR type into a sequence shape and element type; <paramref name="element"/> is null when
    /// the element's default CLR type is wanted. False when <paramref name="target"/> is no sequence type.
    /// </summary>
    public static bool TryResolveSequence(Type target, SequenceShape defaultShape, out SequenceShape shape, out Type? element)
    {
        element = null;
        shape = defaultShape;
        if (target == typeof(object) || target == typeof(IEnumerable))
        {
            return true;
        }

        if (target == typeof(IList) || target == typeof(ICollection))
        {
            // HashSet<T> implements neither of these.
            shape = defaultShape == SequenceShape.HashSet ? SequenceShape.List : defaultShape;
            return true;
        }

        if (target.IsSZArray)
        {
            shape = SequenceShape.Array;
            element = target.GetElementType();
            return true;
        }

        if (!target.IsGenericType || target.GenericTypeArguments.Length != 1)
        {
            return false;
        }

        var definition = target.GetGenericTypeDefinition();
        element = target.GenericTypeArguments[0];
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>))
        {
            shape = SequenceShape.List;
            return true;
        }

        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            shape = SequenceShape.HashSet;
            return true;
        }

        if (definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>))
        {
            return true;
        }

        element = null;
        return false;
    }

    /// <summary>
    /// Resolves a requested CLR type into dictionary key and value types (null for the defaults). False when
    /// <paramref name="target"/> is no dictionary type.
    /// </summary>
    public static bool TryResolveMap(Type target, out Type? key, out Type? value, out bool sorted)
    {
        key = value = null;
        sorted = false;
        if (target == typeof(object) || target == typeof(IDictionary) || target == typeof(IEnumerable) || target == typeof(ICollection))
        {
            return true;
        }

        if (!target.IsGenericType)
        {
            return false;
        }

        var definition = target.GetGenericTypeDefinition();
        var arguments = target.GenericTypeArguments;
        if (arguments.Length == 2
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
                || definition == typeof(SortedDictionary<,>)))
        {
            key = arguments[0];
            value = arguments[1];
            sorted = definition == typeof(SortedDictionary<,>);
            return true;
        }

        if (arguments.Length == 1 && arguments[0].IsGenericType && arguments[0].GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            && (definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            key = arguments[0].GenericTypeArguments[0];
            value = arguments[0].GenericTypeArguments[1];
            return true;
        }

        return false;
    }

    /// <summary>Reads a collection's element count, checked against the bytes that remain.</summary>
    public static int ReadCount(ref CqlReader reader, CqlType type, int bytesPerElement)
    {
        var count = reader.ReadInt32();
        if (count < 0 || (long)count * bytesPerElement > reader.Remaining)
        {
            throw new CqlProtocolViolationException(
                $"A CQL {type} value announces {count} elements, which {reader.Remaining} remaining bytes cannot hold.");
        }

        return count;
    }

    /// <summary>Reads one collection element; CQL collections hold no null.</summary>
    public static ReadOnlySpan<byte> ReadElement(ref CqlReader reader, CqlType collectionType)
    {
        if (!reader.TryReadBytes(out var element))
        {
            throw new CqlProtocolViolationException($"The server sent a null element in a CQL {collectionType} value; CQL collections cannot hold null.");
        }

        return element;
    }

    private static SpanReader Create(string method, params Type[] arguments)
        => typeof(CollectionReaders).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(arguments)
            .CreateDelegate<SpanReader>();

    private static object ReadList<T>(ReadOnlySpan<byte> bytes, CqlType elementType)
    {
        if (bytes.IsEmpty)
        {
            return new List<T>();
        }

        var reader = new CqlReader(bytes);
        var count = ReadCount(ref reader, elementType, 4);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(CqlValueCodec.Read<T>(ReadElement(ref reader, elementType), elementType));
        }

        return list;
    }

    private static object ReadHashSet<T>(ReadOnlySpan<byte> bytes, CqlType elementType)
    {
        if (bytes.IsEmpty)
        {
            return new HashSet<T>();
        }

        var reader = new CqlReader(bytes);
        var count = ReadCount(ref reader, elementType, 4);
        var set = new HashSet<T>(count);
        for (var i = 0; i < count; i++)
        {
            set.Add(CqlValueCodec.Read<T>(ReadElement(ref reader, elementType), elementType));
        }

        return set;
    }

    private static object ReadArray<T>(ReadOnlySpan<byte> bytes, CqlType elementType)
    {
        if (bytes.IsEmpty)
        {
            return System.Array.Empty<T>();
        }

        var reader = new CqlReader(bytes);
        var count = ReadCount(ref reader, elementType, 4);
        var array = new T[count];
        for (var i = 0; i < count; i++)
        {
            array[i] = CqlValueCodec.Read<T>(ReadElement(ref reader, elementType), elementType);
        }

        return array;
    }

    private static object ReadDictionary<TKey, TValue>(ReadOnlySpan<byte> bytes, CqlType mapType)
        where TKey : notnull
    {
        if (bytes.IsEmpty)
        {
            return new Dictionary<TKey, TValue>();
        }

        var reader = new CqlReader(bytes);
        var count = ReadCount(ref reader, mapType, 8);
        var map = new Dictionary<TKey, TValue>(count);
        ReadEntries(ref reader, mapType, count, map);
        return map;
    }

    private static object ReadSortedDictionary<TKey, TValue>(ReadOnlySpan<byte> bytes, CqlType mapType)
        where TKey : notnull
    {
        var map = new SortedDictionary<TKey, TValue>();
        if (!bytes.IsEmpty)
        {
            var reader = new CqlReader(bytes);
            ReadEntries(ref reader, mapType, ReadCount(ref reader, mapType, 8), map);
        }

        return map;
    }

    private static void ReadEntries<TKey, TValue>(ref CqlReader reader, CqlType mapType, int count, IDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        var keyType = mapType.Arguments[0];
        var valueType = mapType.Arguments[1];
        for (var i = 0; i < count; i++)
        {
            var key = CqlValueCodec.Read<TKey>(ReadElement(ref reader, mapType), keyType);
            map[key] = CqlValueCodec.Read<TValue>(ReadElement(ref reader, mapType), valueType);
        }
    }

    private static object ReadVectorArray<T>(ReadOnlySpan<byte> bytes, CqlType vectorType) => VectorCodec.ReadElements<T>(bytes, vectorType);

    private static object ReadVectorList<T>(ReadOnlySpan<byte> bytes, CqlType vectorType) => new List<T>(VectorCodec.ReadElements<T>(bytes, vectorType));

    private static object ReadVectorHashSet<T>(ReadOnlySpan<byte> bytes, CqlType vectorType) => new HashSet<T>(VectorCodec.ReadElements<T>(bytes, vectorType));
}
