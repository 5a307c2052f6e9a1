using System.Globalization;

using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// The Cassandra release each CQL type (or type construct) first appeared in, so that schema creation can refuse a
/// type the connected server lacks with a message naming both versions, instead of a server syntax error.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlTypeRequirements
{
    private static readonly Dictionary<string, (string Feature, Version Since)> Scalars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = ("the date type", new Version(2, 2, 0)),
        ["time"] = ("the time type", new Version(2, 2, 0)),
        ["smallint"] = ("the smallint type", new Version(2, 2, 0)),
        ["tinyint"] = ("the tinyint type", new Version(2, 2, 0)),
        ["duration"] = ("the duration type", new Version(3, 10, 0)),
    };

    private static readonly Version FrozenCollections = new(2, 1, 3);

    /// <summary>
    /// The first construct of <paramref name="mapping"/> (or of its components) that <paramref name="server"/> lacks,
    /// with the version that introduced it; null when the server has everything.
    /// </summary>
    public static (string Feature, Version Since)? FindMissing(RelationalTypeMapping mapping, Version server, bool nested = false)
    {
        if (Scalars.TryGetValue(mapping.StoreType, out var requirement) && server < requirement.Since)
        {
            return requirement;
        }

        if (mapping is not CqlCompositeTypeMapping composite)
        {
            return null;
        }

        if ((nested || composite.IsFrozen) && composite is CqlListTypeMapping or CqlSetTypeMapping or CqlMapTypeMapping && server < FrozenCollections)
        {
            return (nested ? "a collection nested in a collection, tuple or user-defined type (frozen collections)" : "a frozen collection column", FrozenCollections);
        }

        foreach (var element in composite.ElementMappings)
        {
            if (FindMissing(element, server, nested: true) is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    /// <summary>Parses a release version such as <c>2.1.0</c> or <c>5.0-beta1</c> with its patch number.</summary>
    public static Version ParseFullVersion(string? releaseVersion)
    {
        var numeric = (releaseVersion ?? "").AsSpan();
        var end = numeric.IndexOfAnyExcept("0123456789.");
        if (end >= 0)
        {
            numeric = numeric[..end];
        }

        var parts = numeric.ToString().Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).Concat([0, 0, 0]).ToArray();
        return parts[0] == 0 && releaseVersion is not ['0', ..] ? new Version(int.MaxValue, 0, 0) : new Version(parts[0], parts[1], parts[2]);
    }
}
