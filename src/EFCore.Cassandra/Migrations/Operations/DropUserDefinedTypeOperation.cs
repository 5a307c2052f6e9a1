using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Operations;

/// <summary>Drops a CQL user-defined type (<c>DROP TYPE IF EXISTS</c>); no table or type may still use it.</summary>
public class DropUserDefinedTypeOperation : MigrationOperation
{
    /// <summary>The type's name.</summary>
    public virtual string Name { get; set; } = "";

    /// <summary>The keyspace, or null for the model's default keyspace.</summary>
    public virtual string? Schema { get; set; }
}
