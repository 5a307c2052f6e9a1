namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// The messages of migrations: each says what happened, why Cassandra cannot do it (or why it stopped), and what to do.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class MigrationsStrings
{
    /// <summary>The lock's lightweight transaction answered without its [applied] row.</summary>
    public static string LockAnswerWithoutRow(string table)
        => $"Taking the migrations lock in {table} got an answer without the [applied] row that a lightweight transaction "
            + "returns, so whether the lock was taken is unknown. Check that the node supports lightweight transactions "
            + "(Cassandra 2.0 or later) and run the migration again.";

    /// <summary>The lock expired and someone else took it, or it vanished.</summary>
    public static string LockLost(string table, int timeToLiveSeconds)
        => $"The migrations lock in {table} was lost while migrations were being applied: its row (time-to-live "
            + $"{timeToLiveSeconds} s) could not be renewed because it expired or another migrator holds it now. Stopped "
            + "so that two migrators do not apply migrations at once. Check that the nodes were reachable during the "
            + "migration, then apply the migrations again: what was applied is in the history table.";

    /// <summary>Renewing the lock failed.</summary>
    public static string LockRenewalFailed(string table, int timeToLiveSeconds, string reason)
        => $"Renewing the migrations lock in {table} failed ({reason}); its row expires {timeToLiveSeconds} s after the "
            + "last renewal, so another migrator could start. Stopped so that two migrators do not apply migrations at "
            + "once. Check that the nodes are reachable, then apply the migrations again.";

    /// <summary>No keyspace is known for the history table.</summary>
    public static string NoHistoryKeyspace
        => "The migrations history table needs a keyspace, and none is configured. Set 'Keyspace' in the connection "
            + "string, call HasDefaultSchema(\"name\") in OnModelCreating, or name one with "
            + "UseCassandra(..., o => o.MigrationsHistoryTable(\"__EFMigrationsHistory\", \"keyspace\")).";

    /// <summary>A column's type changes.</summary>
    public static string ColumnTypeChange(string table, string column, string oldType, string newType)
        => $"The migration changes the type of '{table}.{column}' from {oldType} to {newType}, but Cassandra cannot change "
            + "a column's type (its cells are stored in the old type's encoding). The Cassandra way: add a column of the new "
            + "type under another name, copy the values in application code (read each row, write the new column), then "
            + "drop the old column in a later migration.";

    /// <summary>A column becomes (or stops being) static.</summary>
    public static string ColumnStaticChange(string table, string column)
        => $"The migration makes '{table}.{column}' static or no longer static, but Cassandra cannot change that after "
            + "the column is created. The Cassandra way: add a new column with the wanted kind under another name, copy "
            + "the values, then drop the old column in a later migration.";

    /// <summary>The primary key changes (partition key, clustering columns or their order).</summary>
    public static string PrimaryKeyChange(string table)
        => $"The migration changes the primary key of '{table}' (its partition key, clustering columns or clustering "
            + "order), but a Cassandra table's primary key is fixed when it is created: it decides where every row is "
            + "stored and in which order. The Cassandra way: map the entity to a new table with the new key "
            + "(ToTable(\"new_name\")), copy the rows in application code (read them from the old table, write them to the "
            + "new one), and drop the old table in a later migration.";

    /// <summary>A foreign key.</summary>
    public static string ForeignKey(string name, string table)
        => $"The migration adds the foreign key '{name}' to '{table}', but Cassandra has no foreign keys and no joins. "
            + "Keep the related key as a plain property (ignore the navigation), load related rows with a second query by "
            + "their partition key, and remove the foreign key from the model.";

    /// <summary>A sequence.</summary>
    public static string Sequence(string name)
        => $"The migration creates or changes the sequence '{name}', but Cassandra has no sequences. Use client-generated "
            + "keys (Guid, or timeuuid with TimeUuid properties) and remove the sequence from the model.";

    /// <summary>A unique constraint.</summary>
    public static string UniqueConstraint(string name, string table)
        => $"The migration adds the unique constraint '{name}' to '{table}', but Cassandra cannot enforce uniqueness outside "
            + "the primary key. The Cassandra way: a second table whose primary key is the unique columns, written with "
            + "INSERT ... IF NOT EXISTS (UseInsertIfNotExists()) before the main row; remove the constraint from the model.";

    /// <summary>A rename of a regular column.</summary>
    public static string RenameRegularColumn(string table, string column, string newName)
        => $"The migration renames '{table}.{column}' to '{newName}', but Cassandra renames only primary key columns. "
            + $"The Cassandra way: add a column named '{newName}', copy the values in application code, then drop "
            + $"'{column}' in a later migration — or keep the column's name and map the property to it with "
            + $"HasColumnName(\"{column}\").";

    /// <summary>A table rename.</summary>
    public static string RenameTable(string table, string newName)
        => $"The migration renames the table '{table}' to '{newName}', but Cassandra cannot rename tables. The Cassandra "
            + $"way: create '{newName}' (a new migration creates it when the entity maps to it), copy the rows in "
            + $"application code, then drop '{table}' in a later migration — or keep the name with ToTable(\"{table}\").";

    /// <summary>A user-defined type loses fields (a property removed or renamed, or the Down of an added field).</summary>
    public static string UserDefinedTypeFieldDrop(string type, IEnumerable<string> fields)
        => $"The migration drops the field(s) {string.Join(", ", fields.Select(f => $"'{f}'"))} of the user-defined type "
            + $"'{type}', but Cassandra cannot drop a field of a user-defined type (ALTER TYPE has no DROP; a rename counts "
            + "as a drop and an add). Keep the property in the class (a field that stays null costs nothing), or map the "
            + "class to a new type (another [UserDefinedType] name), copy the values in application code and drop the old "
            + "columns in a later migration. In a migration's Down method, which undoes an added field, delete the "
            + "AlterUserDefinedType call to leave the field in place (applying that Up again then fails: the field exists).";

    /// <summary>A field of a user-defined type changes its type.</summary>
    public static string UserDefinedTypeFieldTypeChange(string type, string field, string oldType, string newType)
        => $"The model changes the type of the field '{field}' of the user-defined type '{type}' from {oldType} to "
            + $"{newType}, but Cassandra cannot change a field's type (values already written are stored in the old type's "
            + "encoding). Add a field of the new type under another name (a new property) and copy the values in "
            + "application code, or map the class to a new type (another [UserDefinedType] name) and copy the data to it.";

    /// <summary>A keyspace's replication annotation is not a CQL map literal with a class.</summary>
    public static string InvalidReplication(string keyspace, string replication)
        => $"The replication of the keyspace '{keyspace}' in the model, {replication}, is not a CQL map literal with a "
            + "'class' entry (such as {'class': 'SimpleStrategy', 'replication_factor': 1}), so no CREATE KEYSPACE can be "
            + "written for it. Configure the replication with modelBuilder.HasKeyspaceReplication(...) instead of setting "
            + $"the annotation '{Metadata.Internal.CassandraAnnotationNames.ReplicationPrefix}{keyspace}' by hand.";

    /// <summary>A keyspace's replication changes, but one side is not a replication the provider can write.</summary>
    public static string UnreadableReplication(string keyspace, string replication)
        => $"The replication of the keyspace '{keyspace}' changes, but one side of the change, {replication}, is not a "
            + "replication class with integer factors as HasKeyspaceReplication records it, so no ALTER KEYSPACE can be "
            + "written for it. Configure the replication with HasKeyspaceReplication(...) in the model (and in the model "
            + "snapshot, for the previous value), or change the keyspace with migrationBuilder.Sql(\"ALTER KEYSPACE ...\").";
}
