namespace EntityFrameworkCore.Cassandra.Diagnostics.Internal;

/// <summary>
/// Every message the provider raises, in one place. Each one says what happened, why Cassandra cannot do it, and what
/// to write instead.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraStrings
{
    /// <summary>The message for any attempt to use a transaction.</summary>
    public static string TransactionsNotSupported
        => "Cassandra has no transactions: BeginTransaction, UseTransaction and ambient transactions (TransactionScope) "
            + "cannot be honoured. Each statement is atomic and isolated for one partition on its own. Call SaveChanges "
            + "without a transaction: CQL batches do the rest — the statements of one partition may share an unlogged batch, "
            + "UseCassandra(..., o => o.UseLoggedBatch()) sends a whole SaveChanges as one logged batch (all or nothing, "
            + "eventually), and concurrency tokens become lightweight transactions (IF conditions).";

    /// <summary>The message for a model that declares a sequence.</summary>
    public static string SequencesNotSupported(string sequence)
        => $"The model declares the sequence '{sequence}', but Cassandra has no sequences. Use client-generated keys "
            + "instead (Guid properties get a value generator by convention).";

    /// <summary>The message for a relationship between entity types.</summary>
    public static string ForeignKeysNotSupported(string dependent, string principal)
        => $"The entity type '{dependent}' has a relationship to '{principal}', but Cassandra has no foreign keys and no "
            + "joins. Keep the related key as a plain property (ignore the navigation with Ignore(...)) and load related "
            + "rows with a second query by their partition key.";

    /// <summary>The message for a unique index.</summary>
    public static string UniqueIndexNotSupported(string index, string entityType)
        => $"The index {index} on '{entityType}' is unique, but Cassandra cannot enforce uniqueness outside the primary "
            + "key. Make the unique columns the primary key of a second table maintained by the application, or remove "
            + "IsUnique().";

    /// <summary>The message for an index over several columns.</summary>
    public static string MultiColumnIndexNotSupported(string index, string entityType)
        => $"The index {index} on '{entityType}' covers several properties, but a Cassandra secondary index covers one "
            + "column. Declare one HasIndex(...) per property, or model the query as a table whose primary key starts with "
            + "those columns.";

    /// <summary>The message for an index on a counter.</summary>
    public static string CounterIndexNotSupported(string index, string entityType)
        => $"The index {index} on '{entityType}' is on a counter column, and Cassandra cannot index counters. Remove the index.";

    /// <summary>The message for a concurrency token that cannot be a lightweight-transaction condition.</summary>
    public static string ConcurrencyTokenNotSupported(string property, string entityType)
        => $"The property '{entityType}.{property}' is a concurrency token, but it is a key or counter column, which a "
            + "lightweight transaction (IF condition) cannot test. Use a separate regular column as the token (e.g. a Guid "
            + "or int version the application changes on every update).";

    /// <summary>The message for a partition key property that is not part of the primary key.</summary>
    public static string PartitionKeyNotInKey(string entityType, string property, string key)
        => $"The partition key of '{entityType}' names '{property}', which is not a property of its primary key ({key}). "
            + "The partition key is the first part of the primary key: include the property in HasKey(...), or remove it "
            + "from HasPartitionKey(...).";

    /// <summary>The message for a static key column.</summary>
    public static string StaticKeyColumn(string property, string entityType)
        => $"The property '{entityType}.{property}' is a key property and a static column; key columns cannot be static. "
            + "Remove IsStaticColumn()/[StaticColumn].";

    /// <summary>The message for a static column in a table without clustering columns.</summary>
    public static string StaticWithoutClustering(string property, string entityType)
        => $"The property '{entityType}.{property}' is a static column, but the table of '{entityType}' has no clustering "
            + "columns, so every partition holds one row and a static column would mean nothing (Cassandra rejects it). "
            + "Add clustering columns to the key (HasKey with more properties than HasPartitionKey) or remove "
            + "IsStaticColumn().";

    /// <summary>The message for a counter in the key.</summary>
    public static string CounterKeyColumn(string property, string entityType)
        => $"The property '{entityType}.{property}' is a counter and part of the key; counters cannot be key columns. "
            + "Use a bigint key instead.";

    /// <summary>The message for a counter table with other columns.</summary>
    public static string CounterTableWithOtherColumns(string entityType, string counter, string property)
        => $"The table of '{entityType}' holds the counter '{counter}' and the regular column '{property}', but a Cassandra "
            + $"table with counters holds only key and counter columns. Move '{property}' to another entity type (another "
            + "table with the same key), or make it a counter.";

    /// <summary>The message for IF NOT EXISTS on a counter table.</summary>
    public static string CounterTableLightweightTransaction(string entityType)
        => $"The entity type '{entityType}' has counters and UseInsertIfNotExists(), but counter updates cannot be "
            + "lightweight transactions. Remove UseInsertIfNotExists().";

    /// <summary>The message for a CQL type the connected server does not have.</summary>
    public static string TypeNotSupportedByServer(string table, string column, string type, string feature, string serverVersion, string required)
        => $"The column '{column}' of the table '{table}' has the CQL type {type}, which uses {feature}, but the connected "
            + $"Cassandra is version {serverVersion} and {feature} needs Cassandra {required} or later. Map the property to "
            + "a type this server has (e.g. DateTime for timestamp, int for smallint), or use a newer Cassandra.";

    /// <summary>The message for a keyless entity type mapped to a table.</summary>
    public static string KeylessTableNotSupported(string entityType, string table)
        => $"The keyless entity type '{entityType}' is mapped to the table '{table}', but every Cassandra table has a "
            + "primary key. Configure a key with HasKey(...), or map the type with ToSqlQuery(...) or ToView(...).";

    /// <summary>The message for a table with no keyspace.</summary>
    public static string NoKeyspace(string table)
        => $"No keyspace is known for the table '{table}'. Set 'Keyspace' in the connection string, call "
            + "UseCassandra(..., o => o.Keyspace(\"name\")), call modelBuilder.HasDefaultSchema(\"name\"), or map the "
            + "table with ToTable(\"name\", \"keyspace\").";

    /// <summary>The message for a column default value.</summary>
    public static string DefaultValueNotSupported(string property, string entityType)
        => $"The property '{entityType}.{property}' has a default value (HasDefaultValue/HasDefaultValueSql), but "
            + "Cassandra columns have no defaults. Initialise the property in the entity instead.";

    /// <summary>The message for a computed column.</summary>
    public static string ComputedColumnNotSupported(string property, string entityType)
        => $"The property '{entityType}.{property}' is a computed column, but Cassandra has no computed columns. "
            + "Compute the value in the application instead.";

    /// <summary>The message for a value the database would have to generate.</summary>
    public static string StoreGeneratedValueNotSupported(string property, string entityType)
        => $"The property '{entityType}.{property}' is configured to get its value from the database when inserted, but "
            + "Cassandra generates no values and returns nothing from an INSERT. Use a Guid key (generated on the client "
            + "by convention), assign the value before SaveChanges, or configure a client-side value generator with "
            + "HasValueGenerator(...).";

    /// <summary>The message for a migration operation CQL cannot express yet.</summary>
    public static string MigrationOperationNotSupported(string operation)
        => $"The migration operation '{operation}' is not supported by the Cassandra provider in this version. Only "
            + "keyspace creation/removal and table creation/removal are generated; write other schema changes as raw "
            + "CQL with migrationBuilder.Sql(...).";

    /// <summary>The message for Skip.</summary>
    public static string SkipNotSupported
        => "CQL has no OFFSET, so Skip(...) cannot be translated. Page through results with a key range "
            + "(Where(e => e.Key > lastKey)) instead.";

    /// <summary>The message for a query shape the slice cannot print as CQL.</summary>
    public static string QueryShapeNotSupported(string shape)
        => $"This query cannot be expressed in CQL: {shape}. CQL reads one table, with no joins, subqueries or set "
            + "operations; load related data with a second query by partition key.";

    /// <summary>The message for a savepoint.</summary>
    public static string SavepointsNotSupported
        => "Cassandra has no transactions and therefore no savepoints.";

    /// <summary>The message for a system keyspace that must not be dropped.</summary>
    public static string CannotDropSystemKeyspace(string keyspace)
        => $"The keyspace '{keyspace}' belongs to Cassandra itself and is never dropped by EnsureDeleted.";

    /// <summary>Incremental collection updates configured on a column that is no (non-frozen) collection.</summary>
    public static string IncrementalUpdateOnNonCollection(string property, string entityType, string storeType)
        => $"The property '{property}' of '{entityType}' is configured with UseIncrementalCollectionUpdates(), but its column type '{storeType}' "
            + "is no list, set or map (a frozen collection is written whole). Remove UseIncrementalCollectionUpdates() from it.";

    /// <summary>A complex property that cannot be stored as a user-defined type column.</summary>
    public static string ComplexPropertyNotMappable(string entityType, string property, string typeName, string reason)
        => $"The complex property '{entityType}.{property}' cannot be stored: Cassandra stores a complex property as one column "
            + $"of the user-defined type \"{typeName}\" (named like a [UserDefinedType] class: the class name in lower case, or "
            + $"the name [UserDefinedType(\"name\")] on the class gives), but {reason}.";

    /// <summary>A complex property whose user-defined type column the model refused.</summary>
    public static string ComplexPropertyNotStored(string entityType, string property, string storeType)
        => $"The complex property '{entityType}.{property}' could not be replaced by its column of type {storeType}, because "
            + "the model refuses a property of that name (it is ignored, or used by a navigation). Remove the conflicting "
            + "configuration, or ignore the complex property.";

    /// <summary>Two classes mapped to user-defined types of one name with different fields.</summary>
    public static string UserDefinedTypeNameClash(string typeName, string keyspace, string first, string second)
        => $"The classes '{first}' and '{second}' both map to the user-defined type \"{typeName}\" in the keyspace '{keyspace}', "
            + "with different fields, but the keyspace holds one type of that name. Name one of them with "
            + "[UserDefinedType(\"other_name\")] on its class.";
}
