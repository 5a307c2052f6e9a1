using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Migrations.Operations;

/// <summary>
/// Changes a CQL user-defined type: adds a field (<c>ALTER TYPE ... ADD</c>) or renames one (<c>ALTER TYPE ... RENAME</c>).
/// CQL cannot drop a field or change its type.
/// </summary>
/// <remarks>
/// Migrations generate it when a class of a user-defined type gains a property. The Down method of such a migration
/// lists the added fields as <see cref="DroppedFields"/>, which no Cassandra version can drop: running that Down fails
/// with a message saying so, rather than leaving the field in place without a word. Delete the call from the Down
/// method to revert the migration while keeping the field (applying the Up again then fails: the field exists).
/// </remarks>
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

    /// <summary>
    /// Fields the type loses: Cassandra cannot drop a field, so generating CQL for a non-empty list fails with what to do
    /// instead; it records what a migration's Down would have to undo.
    /// </summary>
    public virtual IReadOnlyList<string> DroppedFields { get; set; } = [];
}
