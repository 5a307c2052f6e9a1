using System.Collections;
using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// Converters for lists, sets, maps and tuples whose components have value converters (an enum stored as its
/// underlying integer): the driver's codecs encode the value as it is, so the whole collection is converted to one of
/// the components' provider types (<c>List&lt;Mood&gt;</c> ↔ <c>List&lt;int&gt;</c>) before it is bound and after
/// it is read.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlCompositeConverters
{
    /// <summary>A list or array: each element converted.</summary>
    /// <param name="modelType">The property's collection type.</param>
    /// <param name="providerType">The collection type bound to the driver (<see cref="List{T}"/> or an array).</param>
    /// <param name="element">The element's converter.</param>
    public static ValueConverter Sequence(Type modelType, Type providerType, ValueConverter element)
        => Create(
            modelType,
            providerType,
            v => ToSequence(providerType, ((IEnumerable)v).Cast<object?>().Select(e => ToProvider(element, e))),
            v => ToSequence(ConcreteType(modelType), ((IEnumerable)v).Cast<object?>().Select(e => FromProvider(element, e))));

    /// <summary>A set: each element converted.</summary>
    /// <param name="modelType">The property's set type.</param>
    /// <param name="providerType">The <see cref="HashSet{T}"/> bound to the driver.</param>
    /// <param name="element">The element's converter.</param>
    public static ValueConverter Set(Type modelType, Type providerType, ValueConverter element)
        => Create(
            modelType,
            providerType,
            v => ToSet(providerType, ((IEnumerable)v).Cast<object?>().Select(e => ToProvider(element, e))),
            v => ToSet(ConcreteType(modelType), ((IEnumerable)v).Cast<object?>().Select(e => FromProvider(element, e))));

    /// <summary>A map: each key and value converted (either converter may be null: that part is kept as it is).</summary>
    /// <param name="modelType">The property's dictionary type.</param>
    /// <param name="providerType">The <see cref="Dictionary{TKey, TValue}"/> bound to the driver.</param>
    /// <param name="key">The key's converter, if any.</param>
    /// <param name="value">The value's converter, if any.</param>
    public static ValueConverter Map(Type modelType, Type providerType, ValueConverter? key, ValueConverter? value)
        => Create(
            modelType,
            providerType,
            v => ToMap(providerType, Entries(v).Select(e => (ToProvider(key, e.Key)!, ToProvider(value, e.Value)))),
            v => ToMap(ConcreteType(modelType), Entries(v).Select(e => (FromProvider(key, e.Key)!, FromProvider(value, e.Value)))));

    /// <summary>A value tuple: each component converted (a null converter keeps the component as it is).</summary>
    /// <param name="modelType">The property's value tuple type.</param>
    /// <param name="providerType">The value tuple type bound to the driver.</param>
    /// <param name="components">One converter (or null) per component.</param>
    public static ValueConverter Tuple(Type modelType, Type providerType, IReadOnlyList<ValueConverter?> components)
        => Create(
            modelType,
            providerType,
            v => ToTuple(providerType, (ITuple)v, (c, e) => ToProvider(c, e), components),
            v => ToTuple(modelType, (ITuple)v, (c, e) => FromProvider(c, e), components));

    /// <summary>
    /// The type a value of <paramref name="collectionType"/> is created as: the type itself when it is a concrete
    /// list, set, dictionary or array, else <see cref="List{T}"/>, <see cref="HashSet{T}"/> or
    /// <see cref="Dictionary{TKey, TValue}"/> of its type arguments.
    /// </summary>
    public static Type ConcreteType(Type collectionType)
    {
        if (collectionType.IsArray || !collectionType.IsInterface)
        {
            return collectionType;
        }

        var definition = collectionType.GetGenericTypeDefinition();
        var arguments = collectionType.GetGenericArguments();
        return definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) ? typeof(HashSet<>).MakeGenericType(arguments)
            : arguments.Length == 2 ? typeof(Dictionary<,>).MakeGenericType(arguments)
            : typeof(List<>).MakeGenericType(arguments);
    }

    private static object? ToProvider(ValueConverter? converter, object? value)
        => value is null || converter is null ? value : converter.ConvertToProvider(value);

    private static object? FromProvider(ValueConverter? converter, object? value)
        => value is null || converter is null ? value : converter.ConvertFromProvider(value);

    private static ValueConverter Create(Type modelType, Type providerType, Func<object, object> toProvider, Func<object, object> fromProvider)
        => (ValueConverter)Activator.CreateInstance(
            typeof(CompositeConverter<,>).MakeGenericType(modelType, providerType), toProvider, fromProvider)!;

    private static object ToSequence(Type type, IEnumerable<object?> elements)
    {
        if (type.IsArray)
        {
            var items = elements.ToList();
            var array = Array.CreateInstance(type.GetElementType()!, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        var list = (IList)Activator.CreateInstance(type)!;
        foreach (var element in elements)
        {
            list.Add(element);
        }

        return list;
    }

    private static object ToSet(Type type, IEnumerable<object?> elements)
    {
        var elementType = type.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var element in elements)
        {
            list.Add(element);
        }

        return Activator.CreateInstance(type, list)!;
    }

    private static object ToMap(Type type, IEnumerable<(object Key, object? Value)> entries)
    {
        var map = (IDictionary)Activator.CreateInstance(type)!;
        foreach (var (key, value) in entries)
        {
            map.Add(key, value);
        }

        return map;
    }

    // Any IEnumerable<KeyValuePair<K, V>> (IReadOnlyDictionary need not be an IDictionary).
    private static IEnumerable<(object? Key, object? Value)> Entries(object map)
    {
        foreach (var entry in (IEnumerable)map)
        {
            var type = entry.GetType();
            yield return (type.GetProperty("Key")!.GetValue(entry), type.GetProperty("Value")!.GetValue(entry));
        }
    }

    private static object ToTuple(Type type, ITuple tuple, Func<ValueConverter?, object?, object?> convert, IReadOnlyList<ValueConverter?> components)
    {
        var values = new object?[tuple.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = convert(components[i], tuple[i]);
        }

        return Activator.CreateInstance(type, values)!;
    }

    // EF hands a null column of a required property to the converter as it is (Cassandra stores an empty collection as
    // null): null stays null, as for a collection without a converter, instead of failing the query.
    private sealed class CompositeConverter<TModel, TProvider>(Func<object, object> toProvider, Func<object, object> fromProvider)
        : ValueConverter<TModel, TProvider>(v => Convert<TModel, TProvider>(toProvider, v), v => Convert<TProvider, TModel>(fromProvider, v))
    {
    }

    private static TTo Convert<TFrom, TTo>(Func<object, object> convert, TFrom value)
        => value is null ? default! : (TTo)convert(value);
}
