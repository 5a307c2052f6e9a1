using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Operations;

/// <summary>
/// Changes the replication or durable writes of an existing keyspace
/// (<c>ALTER KEYSPACE "ks" WITH replication = {...} AND durable_writes = ...</c>); a setting left null is not changed.
/// </summary>
/// <remarks>
/// Migrations generate it when the model's <c>HasKeyspaceReplication</c> or <c>HasKeyspaceDurableWrites</c> of a keyspace
/// differs from the last migration's. Cassandra does not move existing data when the replication changes: after raising
/// a replication factor (or adding a data centre) run <c>nodetool repair</c> on every node of the keyspace.
/// </remarks>
public class AlterKeyspaceOperation : MigrationOperation
{
    /// <summary>The keyspace's name.</summary>
    public virtual string Name { get; set; } = "";

    /// <summary>The new replication, or null to keep the current one.</summary>
    public virtual CassandraReplication? Replication { get; set; }

    /// <summary>The new <c>durable_writes</c>, or null to keep the current one.</summary>
    public virtual bool? DurableWrites { get; set; }
}
