using System.Globalization;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// Queries of Cassandra's schema tables, for the two layouts: <c>system.schema_*</c> up to 2.2, <c>system_schema.*</c>
/// from 3.0. The keyspace is bound as <c>{0}</c> (filled with a bind marker by the raw command builder).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class SchemaQueries
{
    private static readonly Version SystemSchemaKeyspaceVersion = new(3, 0);

    /// <summary>A row when the keyspace exists.</summary>
    public static string KeyspaceExists(Version serverVersion)
        => serverVersion >= SystemSchemaKeyspaceVersion
            ? "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = {0}"
            : "SELECT keyspace_name FROM system.schema_keyspaces WHERE keyspace_name = {0}";

    /// <summary>A row when the keyspace holds at least one table.</summary>
    public static string KeyspaceHasTables(Version serverVersion)
        => serverVersion >= SystemSchemaKeyspaceVersion
            ? "SELECT table_name FROM system_schema.tables WHERE keyspace_name = {0} LIMIT 1"
            : "SELECT columnfamily_name FROM system.schema_columnfamilies WHERE keyspace_name = {0} LIMIT 1";

    /// <summary>
    /// Parses a release version such as <c>2.1.0</c>, <c>4.1.3</c> or <c>5.0-beta1</c>; an unreadable one counts as
    /// the newest layout.
    /// </summary>
    public static Version ParseVersion(string? releaseVersion)
    {
        if (string.IsNullOrEmpty(releaseVersion))
        {
            return new Version(int.MaxValue, 0);
        }

        var numeric = releaseVersion.AsSpan();
        var end = numeric.IndexOfAnyExcept("0123456789.");
        if (end >= 0)
        {
            numeric = numeric[..end];
        }

        var parts = numeric.ToString().Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => new Version(int.MaxValue, 0),
            1 => new Version(int.Parse(parts[0], CultureInfo.InvariantCulture), 0),
            _ => new Version(
                int.Parse(parts[0], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture)),
        };
    }
}
