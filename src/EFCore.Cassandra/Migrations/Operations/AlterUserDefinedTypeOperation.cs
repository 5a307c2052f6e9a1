using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Operations;

/// <summary>
/// Changes a CQL user-defined type: adds a field (<c>ALTER TYPE ... ADD</c>) or renames one (<c>ALTER TYPE ... RENAME</c>).
/// CQL cannot drop a field or change its type.
/// </summary>
public class AlterUserDefinedTypeOperation : MigrationOperation
{
    /// <summary>The type's name.</summary>
    public virtual string Name { get; set; } = "";

    /// <summary>The keyspace, or null for the model's default keyspace.</summary>
    public virtual string? Schema { get; set; }

    /// <summary>Fields to add, in order: name and CQL type.</summary>
    public virtual IReadOnlyList<(string Name, string Type)> AddedFields { get; set; } = [];

    /// <summary>Fields to rename: old name and new name.</summary>
    public virtual IReadOnlyList<(string OldName, string NewName)> RenamedFields { get; set; } = [];
}
