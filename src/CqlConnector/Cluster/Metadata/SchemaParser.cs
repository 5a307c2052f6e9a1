using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// Reads keyspaces, tables and user-defined types from a node's schema tables: <see cref="SchemaParserV2"/> for the
/// <c>system.schema_*</c> tables of Cassandra 2.x, <see cref="SchemaParserV3"/> for <c>system_schema.*</c> (3.0 and
/// later). The queries go through a delegate, so that the mapping from rows to metadata is the same whether the
/// rows come from a node or from a test.
/// </summary>
internal abstract class SchemaParser
{
    /// <summary>Runs one CQL query against a schema table and returns all its rows (every page).</summary>
    public delegate ValueTask<IReadOnlyList<SchemaRow>> QueryRows(string cql);

    protected abstract string KeyspacesTable { get; }

    protected abstract string TablesTable { get; }

    protected abstract string ColumnsTable { get; }

    protected abstract string TypesTable { get; }

    /// <summary>The table of secondary indexes, or null when indexes are described by the columns table (2.x).</summary>
    protected abstract string? IndexesTable { get; }

    /// <summary>The column naming the table in the tables, columns and indexes tables.</summary>
    protected abstract string TableNameColumn { get; }

    /// <summary>
    /// The parser for a node's release version (e.g. "2.1.0", "3.11.4", "5.0.2"), or null when the version does not
    /// tell (then <see cref="ProbeQuery"/> decides).
    /// </summary>
    public static SchemaParser? ForReleaseVersion(string? releaseVersion)
    {
        var major = releaseVersion?.Split('.', 2)[0];
        if (!int.TryParse(major, out var version))
        {
            return null;
        }

        return version >= 3 ? SchemaParserV3.Instance : SchemaParserV2.Instance;
    }

    /// <summary>A query that succeeds only where <c>system_schema</c> exists (Cassandra 3.0 and later).</summary>
    public const string ProbeQuery = "SELECT keyspace_name FROM system_schema.keyspaces LIMIT 1";

    /// <summary>The replication strategy class and options of every keyspace (what the token map needs, without tables).</summary>
    public async ValueTask<IReadOnlyDictionary<string, (string Strategy, IReadOnlyDictionary<string, string> Options)>> ReadReplicationAsync(QueryRows query)
    {
        var result = new Dictionary<string, (string, IReadOnlyDictionary<string, string>)>(StringComparer.Ordinal);
        foreach (var keyspace in await query($"SELECT * FROM {KeyspacesTable}").ConfigureAwait(false))
        {
            result[keyspace.GetRequiredString("keyspace_name")] = MapReplication(keyspace);
        }

        return result;
    }

    /// <summary>Reads every keyspace, or the one named <paramref name="keyspace"/> (an empty list when it does not exist).</summary>
    public async ValueTask<IReadOnlyList<KeyspaceMetadata>> ReadKeyspacesAsync(QueryRows query, string? keyspace)
    {
        var where = keyspace is null ? string.Empty : $" WHERE keyspace_name = {Literal(keyspace)}";
        var keyspaces = await query($"SELECT * FROM {KeyspacesTable}{where}").ConfigureAwait(false);
        if (keyspaces.Count == 0)
        {
            return [];
        }

        var tables = await query($"SELECT * FROM {TablesTable}{where}").ConfigureAwait(false);
        var columns = await query($"SELECT * FROM {ColumnsTable}{where}").ConfigureAwait(false);
        var types = await query($"SELECT * FROM {TypesTable}{where}").ConfigureAwait(false);
        var indexes = IndexesTable is null ? [] : await query($"SELECT * FROM {IndexesTable}{where}").ConfigureAwait(false);

        var tablesByKeyspace = tables.ToLookup(KeyspaceOf);
        var columnsByKeyspace = columns.ToLookup(KeyspaceOf);
        var typesByKeyspace = types.ToLookup(KeyspaceOf);
        var indexesByKeyspace = indexes.ToLookup(KeyspaceOf);
        return keyspaces
            .Select(k =>
            {
                var name = KeyspaceOf(k);
                return MapKeyspace(k, [.. tablesByKeyspace[name]], [.. columnsByKeyspace[name]], [.. typesByKeyspace[name]], [.. indexesByKeyspace[name]]);
            })
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Reads one table, or returns null when it does not exist.</summary>
    public async ValueTask<TableMetadata?> ReadTableAsync(QueryRows query, string keyspace, string table)
    {
        var keyspaceWhere = $" WHERE keyspace_name = {Literal(keyspace)}";
        var where = $"{keyspaceWhere} AND {TableNameColumn} = {Literal(table)}";
        var tables = await query($"SELECT * FROM {TablesTable}{where}").ConfigureAwait(false);
        if (tables.Count == 0)
        {
            return null;
        }

        var columns = await query($"SELECT * FROM {ColumnsTable}{where}").ConfigureAwait(false);
        var indexes = IndexesTable is null ? [] : await query($"SELECT * FROM {IndexesTable}{where}").ConfigureAwait(false);

        // 3.0+ names user-defined types in column types: the keyspace's types are needed to resolve them.
        var types = NeedsUserTypesForColumns ? await query($"SELECT * FROM {TypesTable}{keyspaceWhere}").ConfigureAwait(false) : [];
        var userTypes = MapUserTypes(keyspace, types);
        return MapTable(keyspace, tables[0], columns, indexes, ResolverFor(userTypes));
    }

    /// <summary>Whether column types refer to user-defined types by name (and so need the keyspace's types).</summary>
    protected abstract bool NeedsUserTypesForColumns { get; }

    /// <summary>Maps a keyspace row and the rows of its tables, columns, types and indexes.</summary>
    public KeyspaceMetadata MapKeyspace(SchemaRow keyspace, IReadOnlyList<SchemaRow> tables, IReadOnlyList<SchemaRow> columns, IReadOnlyList<SchemaRow> types, IReadOnlyList<SchemaRow> indexes)
    {
        var name = KeyspaceOf(keyspace);
        var userTypes = MapUserTypes(name, types);
        var resolve = ResolverFor(userTypes);
        var columnsByTable = columns.ToLookup(c => c.GetRequiredString(TableNameColumn), StringComparer.Ordinal);
        var indexesByTable = indexes.ToLookup(i => i.GetRequiredString(TableNameColumn), StringComparer.Ordinal);
        var tableMetadata = tables
            .Select(t =>
            {
                var table = t.GetRequiredString(TableNameColumn);
                return MapTable(name, t, [.. columnsByTable[table]], [.. indexesByTable[table]], resolve);
            })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        var (strategy, options) = MapReplication(keyspace);
        return new KeyspaceMetadata(name, keyspace.GetBoolean("durable_writes", true), strategy, options, tableMetadata, userTypes);
    }

    /// <summary>Maps a table row and the rows of its columns (and, on 3.0+, its indexes).</summary>
    public abstract TableMetadata MapTable(string keyspace, SchemaRow table, IReadOnlyList<SchemaRow> columns, IReadOnlyList<SchemaRow> indexes, Func<string, CqlType?> resolveUserType);

    /// <summary>Maps the type rows of a keyspace, ordered so that each type follows the types it uses.</summary>
    public abstract IReadOnlyList<UserTypeMetadata> MapUserTypes(string keyspace, IReadOnlyList<SchemaRow> types);

    protected abstract (string Strategy, IReadOnlyDictionary<string, string> Options) MapReplication(SchemaRow keyspace);

    protected static string KeyspaceOf(SchemaRow row) => row.GetRequiredString("keyspace_name");

    /// <summary>A CQL string literal: quotes are doubled, so that any name is safe to splice.</summary>
    protected static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The kind of an index as the schema tables name it.</summary>
    protected static IndexKind ParseIndexKind(string? kind, string indexName) => kind?.ToUpperInvariant() switch
    {
        "COMPOSITES" or null => IndexKind.Composites,
        "KEYS" => IndexKind.Keys,
        "CUSTOM" => IndexKind.Custom,
        _ => throw new CqlProtocolViolationException($"The index '{indexName}' has the kind '{kind}', which this client does not know (expected COMPOSITES, KEYS or CUSTOM)."),
    };

    private static Func<string, CqlType?> ResolverFor(IReadOnlyList<UserTypeMetadata> userTypes)
    {
        var byName = userTypes.ToDictionary(t => t.Name, t => t.Type, StringComparer.Ordinal);
        return name => byName.GetValueOrDefault(name);
    }
}
