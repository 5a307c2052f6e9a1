using System.Data.Common;

using CqlConnector;
using CqlConnector.Cluster.Metadata;
using CqlConnector.Serialization;

using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.Logging;

using CassandraReplication = EntityFrameworkCore.Cassandra.Metadata.CassandraReplication;
using EfClusteringOrder = EntityFrameworkCore.Cassandra.Metadata.ClusteringOrder;

namespace EntityFrameworkCore.Cassandra.Scaffolding.Internal;

/// <summary>
/// Reads a live keyspace for <c>dotnet ef dbcontext scaffold</c>, through the driver's schema metadata only
/// (<see cref="CqlSession.GetKeyspaceAsync"/>, which reads <c>system.schema_*</c> or <c>system_schema.*</c> as the
/// node requires). Each table becomes a <see cref="DatabaseTable"/> whose primary key is the partition key followed by
/// the clustering columns, in order; the Cassandra-specific parts travel as the provider's annotations (partition key
/// position, descending clustering order, static columns, default TTL, gc_grace_seconds), which become
/// <c>HasPartitionKey</c>, <c>HasClusteringOrder</c>, <c>IsStaticColumn</c>, … in the generated code.
/// </summary>
/// <remarks>
/// A column of a user-defined type gets a class generated for the UDT (<see cref="CassandraUserDefinedTypeClasses"/>);
/// a column with a UDT inside a collection or tuple, or of a UDT no class can be made for, is reported with a warning
/// and skipped by EF.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraDatabaseModelFactory : DatabaseModelFactory
{
    /// <summary>Cassandra's own keyspaces, never scaffolded unless named explicitly.</summary>
    public static readonly IReadOnlySet<string> SystemKeyspaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "system", "system_auth", "system_traces", "system_distributed", "system_schema", "system_views", "system_virtual_schema",
    };

    /// <summary>The tables of EF's migrations history and lock, never scaffolded unless named explicitly.</summary>
    public static readonly IReadOnlySet<string> MigrationsTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "__EFMigrationsHistory", "__EFMigrationsLock",
    };

    private const int DefaultGcGraceSeconds = 864000;

    private readonly IDiagnosticsLogger<DbLoggerCategory.Scaffolding> _logger;
    private readonly CassandraUserDefinedTypeClasses _userDefinedTypes;

    /// <summary>Creates the factory.</summary>
    /// <param name="logger">Where warnings about what cannot be scaffolded go.</param>
    /// <param name="userDefinedTypes">The classes that stand for the user-defined types of scaffolded columns.</param>
    public CassandraDatabaseModelFactory(
        IDiagnosticsLogger<DbLoggerCategory.Scaffolding> logger,
        CassandraUserDefinedTypeClasses userDefinedTypes)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(userDefinedTypes);
        _logger = logger;
        _userDefinedTypes = userDefinedTypes;
    }

    /// <inheritdoc />
    /// <remarks>
    /// EF's interface is synchronous: the caller (the <c>dotnet ef</c> process's main thread) waits for the driver's
    /// asynchronous metadata reads. This runs at design time only.
    /// </remarks>
    public override DatabaseModel Create(string connectionString, DatabaseModelFactoryOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        using var dataSource = CqlDataSource.Create(connectionString);
        var keyspace = new CqlConnectionStringBuilder(connectionString).Keyspace;
        return CreateAsync(dataSource.Session, keyspace, options).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override DatabaseModel Create(DbConnection connection, DatabaseModelFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        if (connection is not CqlConnection cql)
        {
            throw new ArgumentException($"Scaffolding from Cassandra needs a {nameof(CqlConnection)}, not a {connection.GetType().Name}.", nameof(connection));
        }

        var keyspace = string.IsNullOrEmpty(cql.Database) ? null : cql.Database;
        return CreateAsync(cql.CqlDataSource.Session, keyspace, options).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads the keyspaces to scaffold: those named in <paramref name="options"/>' schemas, else
    /// <paramref name="defaultKeyspace"/>, else every keyspace that is not Cassandra's own.
    /// </summary>
    /// <param name="session">The session to read metadata with.</param>
    /// <param name="defaultKeyspace">The connection string's keyspace, if any.</param>
    /// <param name="options">The tables and schemas (keyspaces) asked for.</param>
    /// <param name="cancellationToken">Cancels the metadata reads.</param>
    /// <returns>The database model.</returns>
    public virtual async Task<DatabaseModel> CreateAsync(
        CqlSession session,
        string? defaultKeyspace,
        DatabaseModelFactoryOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);

        var names = options.Schemas.Any() ? options.Schemas.ToList() : defaultKeyspace is null ? null : [defaultKeyspace];
        var keyspaces = new List<KeyspaceMetadata>();
        if (names is null)
        {
            keyspaces.AddRange((await session.GetKeyspacesAsync(cancellationToken).ConfigureAwait(false))
                .Where(k => !SystemKeyspaces.Contains(k.Name)));
        }
        else
        {
            foreach (var name in names)
            {
                if (await session.GetKeyspaceAsync(name, cancellationToken).ConfigureAwait(false) is { } keyspace)
                {
                    keyspaces.Add(keyspace);
                }
                else
                {
                    _logger.Logger.LogWarning("Keyspace '{Keyspace}' does not exist on the cluster: nothing is scaffolded from it.", name);
                }
            }
        }

        return Create(keyspaces, defaultKeyspace, options);
    }

    /// <summary>Builds the database model from keyspace metadata already read (also what tests use).</summary>
    /// <param name="keyspaces">The keyspaces to scaffold.</param>
    /// <param name="defaultKeyspace">The keyspace tables of which need no schema in the generated code.</param>
    /// <param name="options">The tables asked for (all, when empty); a table is named <c>table</c> or <c>keyspace.table</c>.</param>
    /// <returns>The database model.</returns>
    public virtual DatabaseModel Create(IEnumerable<KeyspaceMetadata> keyspaces, string? defaultKeyspace, DatabaseModelFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(keyspaces);
        ArgumentNullException.ThrowIfNull(options);

        var tableFilter = options.Tables.ToList();
        var databaseModel = new DatabaseModel { DefaultSchema = defaultKeyspace };
        foreach (var keyspace in keyspaces)
        {
            AddKeyspaceOptions(databaseModel, keyspace);
            foreach (var table in keyspace.Tables)
            {
                var wanted = tableFilter.Count == 0
                    ? !MigrationsTables.Contains(table.Name)
                    : tableFilter.Contains(table.Name, StringComparer.Ordinal)
                      || tableFilter.Contains(keyspace.Name + "." + table.Name, StringComparer.Ordinal);
                if (wanted)
                {
                    databaseModel.Tables.Add(CreateTable(databaseModel, keyspace, table));
                }
            }
        }

        return databaseModel;
    }

    /// <summary>
    /// The keyspace's replication (always: the model otherwise creates the keyspace with one replica) and its durable
    /// writes (only when off, true being the default), as the annotations <c>HasKeyspaceReplication</c> and
    /// <c>HasKeyspaceDurableWrites</c> set; EF copies the database model's annotations onto the scaffolded model.
    /// </summary>
    private void AddKeyspaceOptions(DatabaseModel databaseModel, KeyspaceMetadata keyspace)
    {
        var factors = new List<(string, int)>();
        foreach (var (name, value) in keyspace.ReplicationOptions.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var factor))
            {
                factors = null;
                break;
            }

            factors.Add((name, factor));
        }

        CassandraReplication? replication = null;
        if (factors is not null)
        {
            try
            {
                replication = CassandraReplication.Create(keyspace.ReplicationStrategy, [.. factors]);
            }
            catch (ArgumentException)
            {
            }
        }

        if (replication is null)
        {
            _logger.Logger.LogWarning(
                "The replication of keyspace '{Keyspace}' ({Strategy} with {Options}) is not scaffolded: only a strategy class with "
                + "integer options is. Add modelBuilder.HasKeyspaceReplication(...) by hand.",
                keyspace.Name,
                keyspace.ReplicationStrategy,
                string.Join(", ", keyspace.ReplicationOptions.Select(o => o.Key + "=" + o.Value)));
        }
        else
        {
            databaseModel[CassandraAnnotationNames.ReplicationPrefix + keyspace.Name] = replication.ToCql();
        }

        if (!keyspace.DurableWrites)
        {
            databaseModel[CassandraAnnotationNames.DurableWritesPrefix + keyspace.Name] = false;
        }
    }

    private DatabaseTable CreateTable(DatabaseModel databaseModel, KeyspaceMetadata keyspace, TableMetadata table)
    {
        var databaseTable = new DatabaseTable
        {
            Database = databaseModel,
            Name = table.Name,
            Schema = keyspace.Name,
            Comment = string.IsNullOrEmpty(table.Options.Comment) ? null : table.Options.Comment,
        };

        if (table.Options.DefaultTimeToLive > 0)
        {
            databaseTable[CassandraAnnotationNames.DefaultTimeToLive] = table.Options.DefaultTimeToLive;
        }

        if (table.Options.GcGraceSeconds != DefaultGcGraceSeconds && table.Options.GcGraceSeconds >= 0)
        {
            databaseTable[CassandraAnnotationNames.GcGraceSeconds] = table.Options.GcGraceSeconds;
        }

        if (table.Options.IsCompactStorage)
        {
            _logger.Logger.LogWarning(
                "Table '{Keyspace}.{Table}' uses COMPACT STORAGE, which the model cannot express: it is scaffolded as a regular table.",
                keyspace.Name,
                table.Name);
        }

        var columns = new Dictionary<string, DatabaseColumn>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            var databaseColumn = new DatabaseColumn
            {
                Table = databaseTable,
                Name = column.Name,
                StoreType = StoreType(column),
                IsNullable = column.Kind is not (ColumnKind.PartitionKey or ColumnKind.Clustering),
            };

            switch (column.Kind)
            {
                case ColumnKind.PartitionKey:
                    // The position, not the name: the generated property name may differ from the column's.
                    databaseColumn[CassandraAnnotationNames.PartitionKeyOrder] = column.Position;
                    break;
                case ColumnKind.Clustering when column.ClusteringOrder == ClusteringOrder.Descending:
                    databaseColumn[CassandraAnnotationNames.ClusteringOrder] = EfClusteringOrder.Descending;
                    break;
                case ColumnKind.Static:
                    databaseColumn[CassandraAnnotationNames.Static] = true;
                    break;
            }

            // A UDT column gets the class made for its type, through the store type the scaffolding type mapper looks
            // the class up by (the provider's frozen<"name">, which is what the column is whether 2.x said frozen or not).
            if (column.Type.Code == CqlTypeCode.Udt && _userDefinedTypes.GetOrCreate(column.Type) is { } userDefinedType)
            {
                databaseColumn.StoreType = _userDefinedTypes.StoreType(userDefinedType);
            }
            else if (ContainsUserDefinedType(column.Type))
            {
                _logger.Logger.LogWarning(
                    "Column '{Column}' of table '{Keyspace}.{Table}' has the user-defined type '{Type}': scaffolding generates a class "
                    + "only for a column of a user-defined type whose fields all map to CLR types, not for a UDT inside a collection "
                    + "or tuple, so the column is skipped. Write a class with [UserDefinedType(\"{UdtName}\")] and add the property by hand.",
                    column.Name,
                    keyspace.Name,
                    table.Name,
                    databaseColumn.StoreType,
                    UserDefinedTypeName(column.Type));
            }

            databaseTable.Columns.Add(databaseColumn);
            columns[column.Name] = databaseColumn;
        }

        var primaryKey = new DatabasePrimaryKey { Table = databaseTable, Name = null };
        foreach (var column in table.PrimaryKey)
        {
            primaryKey.Columns.Add(columns[column.Name]);
        }

        if (primaryKey.Columns.Count > 0)
        {
            databaseTable.PrimaryKey = primaryKey;
        }

        foreach (var index in table.Indexes)
        {
            var target = IndexColumn(index.Target);
            if (index.Kind == IndexKind.Custom || !columns.TryGetValue(target, out var indexed))
            {
                _logger.Logger.LogWarning(
                    "Index '{Index}' of table '{Keyspace}.{Table}' (target '{Target}', {Kind}) is not scaffolded: only secondary indexes on one column are.",
                    index.Name,
                    keyspace.Name,
                    table.Name,
                    index.Target,
                    index.Kind);
                continue;
            }

            var databaseIndex = new DatabaseIndex { Table = databaseTable, Name = index.Name, IsUnique = false };
            databaseIndex.Columns.Add(indexed);
            databaseTable.Indexes.Add(databaseIndex);
        }

        return databaseTable;
    }

    private static string StoreType(ColumnMetadata column)
        => column.IsFrozen && column.Type.Code is CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map or CqlTypeCode.Tuple or CqlTypeCode.Udt
            ? "frozen<" + column.Type + ">"
            : column.Type.ToString();

    // values(tags), keys(m), entries(m), full(l) or a plain (possibly quoted) column name.
    private static string IndexColumn(string target)
    {
        var open = target.IndexOf('(', StringComparison.Ordinal);
        var name = open > 0 && target.EndsWith(')') ? target[(open + 1)..^1] : target;
        return name.Length > 1 && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;
    }

    private static bool ContainsUserDefinedType(CqlType type)
        => type.Code == CqlTypeCode.Udt || type.Arguments.Any(ContainsUserDefinedType);

    private static string UserDefinedTypeName(CqlType type)
        => type.Code == CqlTypeCode.Udt
            ? type.Name ?? string.Empty
            : type.Arguments.Where(ContainsUserDefinedType).Select(UserDefinedTypeName).FirstOrDefault() ?? string.Empty;
}
