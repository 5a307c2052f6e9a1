using System.Reflection;

using EntityFrameworkCore.Cassandra.Metadata.Attributes;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// The names of user-defined types: the one <see cref="UserDefinedTypeAttribute"/> gives, else the class name in lower
/// case — for <c>[UserDefinedType]</c> classes and complex types alike — and the name a column type refers to.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlUserDefinedTypeNames
{
    /// <summary>The user-defined type's name for <paramref name="clrType"/>.</summary>
    public static string NameOf(Type clrType)
        => clrType.GetCustomAttribute<UserDefinedTypeAttribute>()?.Name ?? clrType.Name.ToLowerInvariant();

    /// <summary>The column type of a column of the user-defined type <paramref name="name"/>: <c>frozen&lt;"name"&gt;</c>.</summary>
    public static string StoreType(string name) => $"frozen<{Quote(name)}>";

    /// <summary>The quoted name, as CQL DDL writes it.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The type name in <c>frozen&lt;"name"&gt;</c>, <c>"name"</c> or <c>name</c> (folded to lower case, as CQL does
    /// with unquoted names); null when <paramref name="storeType"/> is not a bare type name.
    /// </summary>
    public static string? FindName(string storeType)
    {
        var type = storeType.Trim();
        if (type.StartsWith("frozen", StringComparison.OrdinalIgnoreCase) && type[6..].TrimStart() is ['<', .. var inner, '>'])
        {
            type = inner.Trim();
        }

        if (type is ['"', .. var quoted, '"'])
        {
            // Every quote inside a quoted name is doubled.
            return quoted.Length > 0 && !quoted.Replace("\"\"", "", StringComparison.Ordinal).Contains('"', StringComparison.Ordinal)
                ? quoted.Replace("\"\"", "\"", StringComparison.Ordinal)
                : null;
        }

        return type.Length > 0 && (char.IsAsciiLetter(type[0]) || type[0] == '_') && type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? type.ToLowerInvariant()
            : null;
    }
}
