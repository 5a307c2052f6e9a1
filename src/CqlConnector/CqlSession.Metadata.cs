using CqlConnector.Cluster.Metadata;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector;

public sealed partial class CqlSession
{
    private SchemaParser? _schemaParser;

    /// <summary>
    /// Reads a keyspace's schema — replication, tables with their columns, keys, indexes and options, user-defined
    /// types — from the node's schema tables (<c>system.schema_*</c> on Cassandra 2.x, <c>system_schema.*</c> on 3.0+).
    /// Returns null when the keyspace does not exist. Each call reads the schema afresh.
    /// </summary>
    /// <param name="name">The keyspace's name as stored: unquoted, case-sensitive (unquoted CQL names are lower case).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<KeyspaceMetadata?> GetKeyspaceAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var parser = await GetSchemaParserAsync(cancellationToken).ConfigureAwait(false);
        var keyspaces = await parser.ReadKeyspacesAsync(cql => QuerySchemaAsync(cql, cancellationToken), name).ConfigureAwait(false);
        return keyspaces.Count == 0 ? null : keyspaces[0];
    }

    /// <summary>Reads the schema of every keyspace, the system keyspaces included, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<KeyspaceMetadata>> GetKeyspacesAsync(CancellationToken cancellationToken = default)
    {
        var parser = await GetSchemaParserAsync(cancellationToken).ConfigureAwait(false);
        return await parser.ReadKeyspacesAsync(cql => QuerySchemaAsync(cql, cancellationToken), null).ConfigureAwait(false);
    }

    /// <summary>Reads one table's schema, or returns null when the keyspace or the table does not exist.</summary>
    /// <param name="keyspace">The keyspace's name as stored (unquoted, case-sensitive).</param>
    /// <param name="table">The table's name as stored (unquoted, case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<TableMetadata?> GetTableAsync(string keyspace, string table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyspace);
        ArgumentException.ThrowIfNullOrEmpty(table);
        var parser = await GetSchemaParserAsync(cancellationToken).ConfigureAwait(false);
        return await parser.ReadTableAsync(cql => QuerySchemaAsync(cql, cancellationToken), keyspace, table).ConfigureAwait(false);
    }

    /// <summary>Chooses the schema tables by the node's release version, probing for system_schema when it does not tell.</summary>
    private async ValueTask<SchemaParser> GetSchemaParserAsync(CancellationToken cancellationToken)
    {
        if (_schemaParser is { } known)
        {
            return known;
        }

        await EnsureInitializedAsync(IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
        var parser = SchemaParser.ForReleaseVersion(ServerVersion);
        if (parser is null)
        {
            try
            {
                await QuerySchemaAsync(SchemaParser.ProbeQuery, cancellationToken).ConfigureAwait(false);
                parser = SchemaParserV3.Instance;
            }
            catch (CqlInvalidQueryException)
            {
                parser = SchemaParserV2.Instance;
            }
        }

        return _schemaParser = parser;
    }

    /// <summary>Runs a schema query at consistency ONE and decodes every row of every page.</summary>
    private async ValueTask<IReadOnlyList<SchemaRow>> QuerySchemaAsync(string cql, CancellationToken cancellationToken)
    {
        // Schema tables are local to each node: ONE reads the coordinator's own view.
        var runner = new StatementRunner(this, cql, null, null)
        {
            Consistency = ConsistencyLevel.One,
            PageSize = 1000,
            Timeout = Settings.RequestTimeout,
            IsIdempotent = true,
        };
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        byte[]? pagingState = null;
        do
        {
            var frame = await runner.ExecutePageAsync(pagingState, IOBehavior.Asynchronous, cancellationToken).ConfigureAwait(false);
            using var page = RowsPage.Read(frame, null);
            if (page is null)
            {
                frame.Dispose();
                throw new CqlProtocolViolationException($"The node answered the schema query '{cql}' with a result that holds no rows.");
            }

            SystemQuery.DecodeRows(page, rows);
            pagingState = page.PagingState;
        }
        while (pagingState is not null);

        return rows.Select(cells => new SchemaRow(cells)).ToArray();
    }
}
