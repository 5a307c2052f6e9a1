using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Cassandra operations on user-defined types and keyspaces. Migrations generate them (a type is created with the first
/// table or column that uses it, or on its own when a later migration first needs it; a field a class gains is added; a
/// type no table uses any more is dropped; a keyspace whose replication or durable writes change is altered); they can
/// also be written by hand.
/// </summary>
public static class CassandraMigrationBuilderExtensions
{
    /// <summary><c>CREATE TYPE IF NOT EXISTS "keyspace"."name" (field type, ...)</c>.</summary>
    /// <param name="migrationBuilder">The migration builder.</param>
    /// <param name="name">The type's name.</param>
    /// <param name="fields">The fields in order: name and CQL type (e.g. <c>("street", "text")</c>).</param>
    /// <param name="schema">The keyspace, or null for the model's default keyspace.</param>
    /// <returns>A builder for further configuration of the operation.</returns>
    public static OperationBuilder<CreateUserDefinedTypeOperation> CreateUserDefinedType(
        this MigrationBuilder migrationBuilder,
        string name,
        IReadOnlyList<(string Name, string Type)> fields,
        string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(fields);
        var operation = new CreateUserDefinedTypeOperation { Name = name, Schema = schema, Fields = fields };
        migrationBuilder.Operations.Add(operation);
        return new OperationBuilder<CreateUserDefinedTypeOperation>(operation);
    }

    /// <summary>Adds fields to a user-defined type and renames fields (<c>ALTER TYPE</c>).</summary>
    /// <param name="migrationBuilder">The migration builder.</param>
    /// <param name="name">The type's name.</param>
    /// <param name="addedFields">Fields to add: name and CQL type.</param>
    /// <param name="renamedFields">Fields to rename: old name and new name.</param>
    /// <param name="schema">The keyspace, or null for the model's default keyspace.</param>
    /// <param name="droppedFields">
    /// Fields to drop, which Cassandra cannot do: a migration's Down method lists the fields its Up added, and running it
    /// fails saying so (see <see cref="AlterUserDefinedTypeOperation"/>).
    /// </param>
    /// <returns>A builder for further configuration of the operation.</returns>
    public static OperationBuilder<AlterUserDefinedTypeOperation> AlterUserDefinedType(
        this MigrationBuilder migrationBuilder,
        string name,
        IReadOnlyList<(string Name, string Type)>? addedFields = null,
        IReadOnlyList<(string OldName, string NewName)>? renamedFields = null,
        string? schema = null,
        IReadOnlyList<string>? droppedFields = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var operation = new AlterUserDefinedTypeOperation
        {
            Name = name,
            Schema = schema,
            AddedFields = addedFields ?? [],
            RenamedFields = renamedFields ?? [],
            DroppedFields = droppedFields ?? [],
        };
        migrationBuilder.Operations.Add(operation);
        return new OperationBuilder<AlterUserDefinedTypeOperation>(operation);
    }

    /// <summary><c>DROP TYPE IF EXISTS "keyspace"."name"</c>.</summary>
    /// <param name="migrationBuilder">The migration builder.</param>
    /// <param name="name">The type's name.</param>
    /// <param name="schema">The keyspace, or null for the model's default keyspace.</param>
    /// <returns>A builder for further configuration of the operation.</returns>
    public static OperationBuilder<DropUserDefinedTypeOperation> DropUserDefinedType(
        this MigrationBuilder migrationBuilder,
        string name,
        string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var operation = new DropUserDefinedTypeOperation { Name = name, Schema = schema };
        migrationBuilder.Operations.Add(operation);
        return new OperationBuilder<DropUserDefinedTypeOperation>(operation);
    }

    /// <summary>
    /// <c>ALTER KEYSPACE "name" WITH replication = {...} AND durable_writes = ...</c>, with the settings given. After
    /// raising a replication factor run <c>nodetool repair</c>: Cassandra does not copy existing data to new replicas.
    /// </summary>
    /// <param name="migrationBuilder">The migration builder.</param>
    /// <param name="name">The keyspace's name.</param>
    /// <param name="replicationClass">
    /// The new replication class (<c>SimpleStrategy</c>, <c>NetworkTopologyStrategy</c>, ...), or null to keep the
    /// replication.
    /// </param>
    /// <param name="replicationFactors">
    /// The options after the class: <c>("replication_factor", n)</c> for SimpleStrategy, one per data centre for
    /// NetworkTopologyStrategy.
    /// </param>
    /// <param name="durableWrites">The new <c>durable_writes</c>, or null to keep it.</param>
    /// <returns>A builder for further configuration of the operation.</returns>
    public static OperationBuilder<AlterKeyspaceOperation> AlterKeyspace(
        this MigrationBuilder migrationBuilder,
        string name,
        string? replicationClass = null,
        IReadOnlyList<(string Name, int ReplicationFactor)>? replicationFactors = null,
        bool? durableWrites = null)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (replicationClass is null && (replicationFactors is not null || durableWrites is null))
        {
            throw new ArgumentException(
                "AlterKeyspace needs a replication class (with its factors), durable writes, or both.", nameof(replicationClass));
        }

        var operation = new AlterKeyspaceOperation
        {
            Name = name,
            Replication = replicationClass is null ? null : CassandraReplication.Create(replicationClass, [.. replicationFactors ?? []]),
            DurableWrites = durableWrites,
        };
        migrationBuilder.Operations.Add(operation);
        return new OperationBuilder<AlterKeyspaceOperation>(operation);
    }
}
