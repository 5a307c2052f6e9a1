using System.Reflection;

using EntityFrameworkCore.Cassandra.Storage.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>
/// How a complex property is stored: one column of a user-defined type named after the complex type's class (the
/// rule of <c>[UserDefinedType]</c> classes), <c>list&lt;frozen&lt;type&gt;&gt;</c> for a complex collection; and,
/// when that cannot work, why — for the convention that makes the column and the validator that reports what is left.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraComplexTypes
{
    /// <summary>The user-defined type's name for the complex property's type.</summary>
    public static string TypeName(IReadOnlyComplexProperty complexProperty)
        => CqlUserDefinedTypeNames.NameOf(complexProperty.ComplexType.ClrType);

    /// <summary>The column type: <c>frozen&lt;"name"&gt;</c>, or <c>list&lt;frozen&lt;"name"&gt;&gt;</c> for a collection.</summary>
    public static string StoreType(IReadOnlyComplexProperty complexProperty)
    {
        var type = CqlUserDefinedTypeNames.StoreType(TypeName(complexProperty));
        return complexProperty.IsCollection ? $"list<{type}>" : type;
    }

    /// <summary>
    /// Why the complex property cannot be stored as a user-defined type column (a phrase that ends with what to do),
    /// or null when it can.
    /// </summary>
    public static string? FindProblem(IReadOnlyComplexProperty complexProperty, IRelationalTypeMappingSource typeMappingSource)
    {
        if (complexProperty.IsCollection && !IsList(complexProperty.ClrType))
        {
            return $"a collection of complex types is stored as a CQL list, and its type '{Name(complexProperty.ClrType)}' "
                + "is not one: declare it as List<T>, IList<T>, IReadOnlyList<T> or T[]";
        }

        return FindProblem(complexProperty.ComplexType, [])
            ?? (typeMappingSource.FindMapping(complexProperty.ClrType, StoreType(complexProperty)) is null
                ? $"the class '{Name(complexProperty.ComplexType.ClrType)}' cannot be mapped to one: give its members CQL-mappable types"
                : null);

        // outer: the classes that contain this one, for a class that contains itself.
        string? FindProblem(IReadOnlyComplexType complexType, IReadOnlyList<Type> outer)
        {
            var clrType = complexType.ClrType;
            var type = Name(clrType);
            if (complexType.GetContainerColumnName() is not null)
            {
                return "it is mapped to JSON with ToJson(), and Cassandra has no JSON column type: remove ToJson()";
            }

            if (!clrType.IsValueType && clrType.GetConstructor(Type.EmptyTypes) is null)
            {
                return $"the class '{type}' has no public parameterless constructor, which reading a value of the type needs: add one";
            }

            foreach (var property in complexType.GetProperties())
            {
                if (property.PropertyInfo is not { GetMethod.IsPublic: true, SetMethod.IsPublic: true })
                {
                    return $"'{type}.{property.Name}' is not a public read/write property, and every field of a user-defined type "
                        + "is read and written through one: make its getter and setter public";
                }

                if (property.GetValueConverter() is not null || property.GetProviderClrType() is not null)
                {
                    return $"'{type}.{property.Name}' has a value converter, and the fields of a user-defined type are written "
                        + "as they are: remove the conversion and give the property the stored type";
                }

                if (typeMappingSource.FindMapping(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) is not { Converter: null })
                {
                    return $"'{type}.{property.Name}' is of type '{Name(property.ClrType)}', which a user-defined type field "
                        + "cannot hold (an enum needs a value converter, which fields cannot have): give it a CQL-mappable type such "
                        + "as the enum's underlying integer";
                }
            }

            // A user-defined type holds every public read/write property of its class: one the model ignores would
            // still be written and read.
            foreach (var member in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (member.GetIndexParameters().Length > 0 || member is not { GetMethod.IsPublic: true, SetMethod.IsPublic: true }
                    || complexType.FindProperty(member.Name) is not null || complexType.FindComplexProperty(member.Name) is not null)
                {
                    continue;
                }

                // EF leaves out a member that would make the complex type contain itself.
                var memberType = member.PropertyType.IsGenericType ? member.PropertyType.GetGenericArguments()[0]
                    : member.PropertyType.GetElementType() ?? member.PropertyType;
                return memberType == clrType || outer.Contains(memberType)
                    ? $"'{type}.{member.Name}' holds a '{Name(memberType)}', which contains it, and a user-defined type cannot "
                        + "contain itself: store the recursive part in a table of its own, or make the property non-public"
                    : $"'{type}.{member.Name}' is ignored by the model, and a user-defined type stores every public read/write "
                        + "property of its class: stop ignoring it, or make it non-public";
            }

            foreach (var nested in complexType.GetComplexProperties())
            {
                if (nested.IsCollection && !IsList(nested.ClrType))
                {
                    return $"'{type}.{nested.Name}' is a collection of complex types, stored as a CQL list, and its type "
                        + $"'{Name(nested.ClrType)}' is not one: declare it as List<T>, IList<T>, IReadOnlyList<T> or T[]";
                }

                if (FindProblem(nested.ComplexType, [.. outer, clrType]) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }
    }

    // The type as C# writes it, without namespaces: HashSet<Address>.
    private static string Name(Type type)
        => type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">"
            : type.Name;

    private static bool IsList(Type type)
        => (type.IsArray && type.GetArrayRank() == 1)
            || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)));
}
