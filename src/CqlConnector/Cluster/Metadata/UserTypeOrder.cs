using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>Orders a keyspace's user-defined types so that each comes after the types its fields use (as CREATE TYPE needs).</summary>
internal static class UserTypeOrder
{
    public static IReadOnlyList<UserTypeMetadata> Sort(IReadOnlyList<UserTypeMetadata> types)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var ordered = new List<UserTypeMetadata>(types.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;

        void Visit(UserTypeMetadata type)
        {
            if (!visited.Add(type.Name))
            {
                return;
            }

            foreach (var (_, field) in type.Fields)
            {
                foreach (var used in UsedTypes(field))
                {
                    if (used.Keyspace == type.Keyspace && used.Name is { } name && byName.TryGetValue(name, out var dependency))
                    {
                        Visit(dependency);
                    }
                }
            }

            ordered.Add(type);
        }
    }

    private static IEnumerable<CqlType> UsedTypes(CqlType type)
    {
        if (type.Code == CqlTypeCode.Udt)
        {
            yield return type;
        }

        foreach (var nested in type.Arguments.Concat(type.Fields.Select(f => f.Value)))
        {
            foreach (var used in UsedTypes(nested))
            {
                yield return used;
            }
        }
    }
}
