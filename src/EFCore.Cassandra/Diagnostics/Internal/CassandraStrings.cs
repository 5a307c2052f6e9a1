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
            + "without a transaction; atomic multi-statement writes will be offered through CQL batches.";

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

    /// <summary>The message for a non-unique index.</summary>
    public static string IndexNotSupported(string index, string entityType)
        => $"The index {index} on '{entityType}' would be a Cassandra secondary index, which this version of the "
            + "provider does not create yet. Remove HasIndex(...) and create the index with raw CQL if needed.";

    /// <summary>The message for a concurrency token.</summary>
    public static string ConcurrencyTokenNotSupported(string property, string entityType)
        => $"The property '{entityType}.{property}' is a concurrency token, but Cassandra reports no affected rows, so "
            + "optimistic concurrency needs lightweight transactions (IF conditions), which this version of the provider "
            + "does not generate yet. Remove IsConcurrencyToken()/IsRowVersion()/[ConcurrencyCheck]/[Timestamp].";

    /// <summary>The message for a primary key made of several properties.</summary>
    public static string CompositeKeyNotSupported(string entityType, string properties)
        => $"The entity type '{entityType}' has a composite key ({properties}). This version of the provider maps a key "
            + "to a single-column partition key; composite partition keys and clustering columns come with "
            + "HasPartitionKey in a later version. Use a single key property for now.";

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
}
