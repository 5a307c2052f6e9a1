using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Operations;

/// <summary>Creates a CQL user-defined type (<c>CREATE TYPE IF NOT EXISTS</c>) in a keyspace.</summary>
public class CreateUserDefinedTypeOperation : MigrationOperation
{
    /// <summary>The type's name.</summary>
    public virtual string Name { get; set; } = "";

    /// <summary>The keyspace, or null for the model's default keyspace.</summary>
    public virtual string? Schema { get; set; }

    /// <summary>The fields in order: name and CQL type.</summary>
    public virtual IReadOnlyList<(string Name, string Type)> Fields { get; set; } = [];
}
