using System.Reflection;
using System.Reflection.Emit;

using CqlConnector.Serialization;

using EntityFrameworkCore.Cassandra.Metadata.Attributes;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Scaffolding.Internal;

/// <summary>
/// The CLR classes that stand for user-defined types while a keyspace is scaffolded. EF's scaffolding maps a column to
/// an existing CLR type, and the provider maps a UDT column to a class marked <c>[UserDefinedType("name")]</c>; so for
/// each UDT a scaffolded column uses, a class of that shape (public read/write properties, one per field) is emitted in
/// memory, the column's property gets it as its type, and <see cref="Design.Internal.CassandraModelCodeGenerator"/> writes its C# source
/// next to the entities.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraUserDefinedTypeClasses
{
    private readonly IRelationalTypeMappingSource _typeMappingSource;
    private readonly Dictionary<(string Keyspace, string Name), Type?> _byName = [];
    private readonly Dictionary<string, Type> _byStoreType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _storeTypes = [];
    private readonly Dictionary<Type, (string Name, IReadOnlyList<(string Field, PropertyInfo Property)> Fields)> _classes = [];
    private readonly HashSet<string> _classNames = new(StringComparer.Ordinal);
    private ModuleBuilder? _module;

    /// <summary>Creates the registry.</summary>
    /// <param name="typeMappingSource">The store type to CLR type mapping the scaffolder uses for columns.</param>
    public CassandraUserDefinedTypeClasses(IRelationalTypeMappingSource typeMappingSource)
    {
        ArgumentNullException.ThrowIfNull(typeMappingSource);
        _typeMappingSource = typeMappingSource;
    }

    /// <summary>
    /// The class for a user-defined type (emitting it and the classes of the UDTs among its fields the first time), or
    /// null when a field cannot be mapped: a field whose type has no CLR mapping, or whose name does not come back from
    /// a property name in lower case (the provider binds fields by the property name in lower case).
    /// </summary>
    /// <param name="type">The UDT.</param>
    /// <returns>The class, or null.</returns>
    public virtual Type? GetOrCreate(CqlType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Code != CqlTypeCode.Udt || type.Name is null)
        {
            return null;
        }

        var key = (type.Keyspace ?? string.Empty, type.Name);
        if (_byName.TryGetValue(key, out var existing))
        {
            return existing;
        }

        _byName[key] = null; // a UDT cannot contain itself; this also stops a malformed cycle
        var fields = new List<(string Field, string Property, Type ClrType)>();
        foreach (var field in type.Fields)
        {
            var propertyName = field.Key.Length == 0 ? field.Key : char.ToUpperInvariant(field.Key[0]) + field.Key[1..];
            if (propertyName.Length == 0 || propertyName.ToLowerInvariant() != field.Key || !IsIdentifier(propertyName)
                || FieldClrType(field.Value) is not { } clrType)
            {
                return null;
            }

            fields.Add((field.Key, propertyName, clrType));
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var created = Emit(type.Name, fields);

        // The provider's own column type for the class (frozen<"name">): the scaffolded column gets it, so that the
        // generated code needs no HasColumnType and the type mapper finds the class by it.
        if (_typeMappingSource.FindMapping(created)?.StoreType is not { } storeType)
        {
            return null;
        }

        _byName[key] = created;
        _storeTypes[created] = storeType;
        _byStoreType.TryAdd(storeType, created);
        return created;
    }

    /// <summary>The column type of a class emitted here, as the provider maps it.</summary>
    /// <param name="clrType">A class <see cref="GetOrCreate"/> returned.</param>
    /// <returns>The column type.</returns>
    public virtual string StoreType(Type clrType)
        => _storeTypes[clrType];

    /// <summary>The class emitted for a column's store type (<c>frozen&lt;"name"&gt;</c>), if any.</summary>
    /// <param name="storeType">The column's store type.</param>
    /// <returns>The class, or null.</returns>
    public virtual Type? FindByStoreType(string storeType)
        => _byStoreType.GetValueOrDefault(storeType);

    /// <summary>Whether <paramref name="clrType"/> is one of the classes emitted here; if so, its UDT name and fields.</summary>
    /// <param name="clrType">A CLR type.</param>
    /// <param name="name">The UDT's name.</param>
    /// <param name="fields">The UDT's fields, in order, with the properties that hold them.</param>
    /// <returns>Whether the type was emitted here.</returns>
    public virtual bool TryGetClass(Type clrType, out string name, out IReadOnlyList<(string Field, PropertyInfo Property)> fields)
    {
        if (_classes.TryGetValue(clrType, out var found))
        {
            (name, fields) = found;
            return true;
        }

        (name, fields) = (string.Empty, []);
        return false;
    }

    private Type? FieldClrType(CqlType type)
    {
        if (type.Code == CqlTypeCode.Udt)
        {
            return GetOrCreate(type);
        }

        if (ContainsUdt(type))
        {
            return null;
        }

        var clrType = _typeMappingSource.FindMapping(type.ToString())?.ClrType;
        return clrType is { IsValueType: true } && Nullable.GetUnderlyingType(clrType) is null
            ? typeof(Nullable<>).MakeGenericType(clrType)
            : clrType;
    }

    private static bool ContainsUdt(CqlType type)
        => type.Code == CqlTypeCode.Udt || type.Arguments.Any(ContainsUdt);

    private static bool IsIdentifier(string name)
        => (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private Type Emit(string udtName, List<(string Field, string Property, Type ClrType)> fields)
    {
        _module ??= AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("EFCore.Cassandra.ScaffoldedUserDefinedTypes"), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("EFCore.Cassandra.ScaffoldedUserDefinedTypes");

        var baseName = ClassName(udtName);
        var className = baseName;
        for (var i = 1; !_classNames.Add(className); i++)
        {
            className = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var builder = _module.DefineType(className, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(UserDefinedTypeAttribute).GetConstructor([typeof(string)])!, [udtName]));
        builder.DefineDefaultConstructor(MethodAttributes.Public);
        foreach (var (_, propertyName, clrType) in fields)
        {
            var field = builder.DefineField("_" + propertyName, clrType, FieldAttributes.Private);
            var property = builder.DefineProperty(propertyName, PropertyAttributes.None, clrType, null);
            const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;
            var getter = builder.DefineMethod("get_" + propertyName, accessor, clrType, Type.EmptyTypes);
            var il = getter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            var setter = builder.DefineMethod("set_" + propertyName, accessor, null, [clrType]);
            il = setter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Stfld, field);
            il.Emit(OpCodes.Ret);
            property.SetGetMethod(getter);
            property.SetSetMethod(setter);
        }

        var created = builder.CreateType();
        _classes[created] = (udtName, fields.Select(f => (f.Field, created.GetProperty(f.Property)!)).ToList());
        return created;
    }

    // address -> Address, postal_address -> PostalAddress.
    private static string ClassName(string udtName)
    {
        var name = string.Concat(udtName.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return name.Length > 0 && IsIdentifier(name) ? name : "UserDefinedType";
    }
}
