using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// map&lt;K, V&gt; (v5 §6.13): an [int] n, then n key/value pairs each as two [bytes]. Read as
/// Dictionary&lt;K', V'&gt; of the default CLR types, or as Dictionary/IDictionary/IReadOnlyDictionary/
/// SortedDictionary of requested types; written from any IDictionary or enumerable of KeyValuePair. Neither keys nor
/// values may be null.
/// </summary>
internal sealed class MapCodec : CqlCodec
{
    public static readonly MapCodec Instance = new();

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Key, PropertyInfo Value)?> PairProperties = new();

    private readonly ConditionalWeakTable<CqlType, Type> _defaultTypes = new();

    public override Type DefaultClrType => typeof(Dictionary<,>);

    public override bool EmptyMeansNull => false;

    public override string ReadableAs => "Dictionary<K, V>, IDictionary<K, V>, IReadOnlyDictionary<K, V> or SortedDictionary<K, V> of types the key and value CQL types read as";

    public override string WritableFrom => "an IDictionary or IReadOnlyDictionary (or any IEnumerable of KeyValuePair) with non-null keys and values";

    public override Type GetDefaultClrType(CqlType type)
        => _defaultTypes.GetValue(type, t => typeof(Dictionary<,>).MakeGenericType(
            CqlValueCodec.GetDefaultClrType(t.Arguments[0]), CqlValueCodec.GetDefaultClrType(t.Arguments[1])));

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type)
        => CollectionReaders.GetMapReader(
            CqlValueCodec.GetDefaultClrType(type.Arguments[0]), CqlValueCodec.GetDefaultClrType(type.Arguments[1]), sorted: false)(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (!CollectionReaders.TryResolveMap(target, out var key, out var value, out var sorted))
        {
            throw CannotRead(type, target);
        }

        return CollectionReaders.GetMapReader(
            key ?? CqlValueCodec.GetDefaultClrType(type.Arguments[0]), value ?? CqlValueCodec.GetDefaultClrType(type.Arguments[1]), sorted)(bytes, type);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var countOffset = writer.ReserveInt32();
        var count = 0;
        if (value is IDictionary dictionary)
        {
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                WriteEntry(writer, value, type, entries.Key, entries.Value, count++);
            }
        }
        else if (value is IEnumerable items && GetPairProperties(value.GetType()) is var (keyProperty, valueProperty))
        {
            foreach (var item in items)
            {
                WriteEntry(writer, value, type, keyProperty.GetValue(item), valueProperty.GetValue(item), count++);
            }
        }
        else
        {
            throw CannotWrite(value, type);
        }

        writer.PatchInt32(countOffset, count);
    }

    private static void WriteEntry(CqlBufferWriter writer, object map, CqlType type, object? key, object? value, int index)
    {
        if (key is null || value is null || value is DBNull)
        {
            throw new ArgumentException(
                $"Entry {index} (key {key ?? "null"}) of the {CqlConversions.Describe(map.GetType())} written to a CQL {type} value has a null {(key is null ? "key" : "value")}, and CQL maps cannot hold null: remove the entry.",
                nameof(map));
        }

        CqlValueCodec.WriteBytes(writer, key, type.Arguments[0]);
        CqlValueCodec.WriteBytes(writer, value, type.Arguments[1]);
    }

    private static (PropertyInfo Key, PropertyInfo Value)? GetPairProperties(Type type)
        => PairProperties.GetOrAdd(type, static t =>
        {
            foreach (var candidate in t.GetInterfaces())
            {
                if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                {
                    var item = candidate.GenericTypeArguments[0];
                    if (item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                    {
                        return (item.GetProperty("Key")!, item.GetProperty("Value")!);
                    }
                }
            }

            return null;
        });
}
