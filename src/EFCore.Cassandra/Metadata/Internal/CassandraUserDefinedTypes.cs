using System.Text;

using EntityFrameworkCore.Cassandra.Storage.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>One user-defined type of a model: its keyspace (null for the configured one), name and fields in order.</summary>
/// <param name="Keyspace">The keyspace, or null for the configured one.</param>
/// <param name="Name">The type's name.</param>
/// <param name="Fields">The fields in order: name and CQL type.</param>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed record CassandraUserDefinedType(string? Keyspace, string Name, IReadOnlyList<(string Name, string Type)> Fields);

/// <summary>
/// The user-defined types a model's tables use, recorded as model annotations (one per type, named
/// <c>Cassandra:UserDefinedType:keyspace:name</c>, the fields as <c>"name" type, ...</c>) so that migration snapshots
/// carry the fields as plain values: a snapshot that named the live classes would always agree with them, and a field
/// added to a class would never reach the database.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraUserDefinedTypes
{
    /// <summary>The annotation that records a type.</summary>
    public static string AnnotationName(string? keyspace, string name)
        => CassandraAnnotationNames.UserDefinedTypePrefix + keyspace + ":" + name;

    /// <summary>Reads the keyspace (null when empty) and type name back from an annotation name; false for other annotations.</summary>
    public static bool TryParseAnnotationName(string annotationName, out string? keyspace, out string name)
    {
        keyspace = null;
        name = "";
        if (!annotationName.StartsWith(CassandraAnnotationNames.UserDefinedTypePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Keyspace names never contain ':' (letters, digits and underscores only); type names may.
        var rest = annotationName[CassandraAnnotationNames.UserDefinedTypePrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon == rest.Length - 1)
        {
            return false;
        }

        keyspace = colon == 0 ? null : rest[..colon];
        name = rest[(colon + 1)..];
        return true;
    }

    /// <summary>The name messages give a type: <c>keyspace.name</c>, or the name alone.</summary>
    public static string DisplayName(string? keyspace, string name) => keyspace is null ? name : keyspace + "." + name;

    /// <summary>The annotation value: <c>"name" type, ...</c>, as inside <c>CREATE TYPE (...)</c>.</summary>
    public static string FormatFields(IEnumerable<(string Name, string Type)> fields)
        => string.Join(", ", fields.Select(f => CqlUserDefinedTypeNames.Quote(f.Name) + " " + f.Type));

    /// <summary>Reads back what <see cref="FormatFields"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static IReadOnlyList<(string Name, string Type)> ParseFields(string fields)
    {
        var result = new List<(string, string)>();
        var position = 0;
        while (position < fields.Length)
        {
            if (fields[position] != '"')
            {
                throw BadFields(fields);
            }

            var name = new StringBuilder();
            for (position++; ; position++)
            {
                if (position >= fields.Length)
                {
                    throw BadFields(fields);
                }

                if (fields[position] == '"')
                {
                    if (position + 1 < fields.Length && fields[position + 1] == '"')
                    {
                        name.Append('"');
                        position++;
                        continue;
                    }

                    position++;
                    break;
                }

                name.Append(fields[position]);
            }

            if (position >= fields.Length || fields[position] != ' ')
            {
                throw BadFields(fields);
            }

            // The type ends at the first comma outside angle brackets and quoted names (map<text, int>, frozen<"a,b">).
            var start = ++position;
            var depth = 0;
            var quoted = false;
            for (; position < fields.Length && (quoted || depth > 0 || fields[position] != ','); position++)
            {
                switch (fields[position])
                {
                    case '"':
                        quoted = !quoted;
                        break;
                    case '<' when !quoted:
                        depth++;
                        break;
                    case '>' when !quoted:
                        depth--;
                        break;
                }
            }

            var type = fields[start..position].Trim();
            if (type.Length == 0)
            {
                throw BadFields(fields);
            }

            result.Add((name.ToString(), type));
            position = position < fields.Length ? position + 1 : position;
            while (position < fields.Length && fields[position] == ' ')
            {
                position++;
            }
        }

        return result;
    }

    /// <summary>The types <paramref name="model"/> records, in dependency order (a type after the types its fields use).</summary>
    public static IReadOnlyList<CassandraUserDefinedType> FromModel(IReadOnlyModel? model)
        => model is null
            ? []
            : InDependencyOrder(model.GetAnnotations()
                .Select(a => TryParseAnnotationName(a.Name, out var keyspace, out var name) && a.Value is string fields
                    ? new CassandraUserDefinedType(keyspace, name, ParseFields(fields))
                    : null)
                .OfType<CassandraUserDefinedType>());

    /// <summary>The types that columns of these mappings use (nested ones too), each once, a type after the types it uses.</summary>
    public static IReadOnlyList<CassandraUserDefinedType> Collect(IEnumerable<(string? Keyspace, RelationalTypeMapping? Mapping)> columns)
    {
        var types = new List<CassandraUserDefinedType>();
        foreach (var (keyspace, mapping) in columns)
        {
            Visit(mapping, (type, _) =>
            {
                if (!types.Any(t => t.Keyspace == keyspace && t.Name == type.TypeName))
                {
                    types.Add(new CassandraUserDefinedType(keyspace, type.TypeName, type.FieldTypes));
                }
            });
        }

        return types;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for each user-defined type <paramref name="mapping"/> uses, the types a type's fields
    /// use before it; the flag says whether the type is reached through another type's field.
    /// </summary>
    public static void Visit(RelationalTypeMapping? mapping, Action<CqlUserDefinedTypeMapping, bool> visit)
        => Visit(mapping, visit, nested: false);

    private static void Visit(RelationalTypeMapping? mapping, Action<CqlUserDefinedTypeMapping, bool> visit, bool nested)
    {
        if (mapping is not CqlCompositeTypeMapping composite)
        {
            return;
        }

        var type = composite as CqlUserDefinedTypeMapping;
        foreach (var element in composite.ElementMappings)
        {
            Visit(element, visit, nested || type is not null);
        }

        if (type is not null)
        {
            visit(type, nested);
        }
    }

    // A type whose field types name another type of its keyspace (frozen<"other">) comes after that type.
    private static List<CassandraUserDefinedType> InDependencyOrder(IEnumerable<CassandraUserDefinedType> types)
    {
        var all = types.ToList();
        var ordered = new List<CassandraUserDefinedType>(all.Count);
        foreach (var type in all)
        {
            Add(type, []);
        }

        return ordered;

        void Add(CassandraUserDefinedType type, HashSet<CassandraUserDefinedType> visiting)
        {
            if (ordered.Contains(type) || !visiting.Add(type))
            {
                return;
            }

            foreach (var used in all.Where(t => t != type && t.Keyspace == type.Keyspace
                         && type.Fields.Any(f => f.Type.Contains(CqlUserDefinedTypeNames.Quote(t.Name), StringComparison.Ordinal))))
            {
                Add(used, visiting);
            }

            ordered.Add(type);
        }
    }

    private static FormatException BadFields(string fields)
        => new($"'{fields}' is not a list of user-defined type fields in the form '\"name\" type, ...' (as model snapshots record them).");
}
