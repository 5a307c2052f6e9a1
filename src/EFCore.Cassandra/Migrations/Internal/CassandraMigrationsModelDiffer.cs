using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update.Internal;

#pragma warning disable EF1001 // EF's model differ is pubternal; the provider adds the user-defined types to what it finds.

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// EF's model differ, plus the user-defined types the models record (see <see cref="CassandraUserDefinedTypes"/>): a
/// new type is created before anything else (when the source model is known: for a first migration and EnsureCreated
/// the SQL generator creates each type with the first table that uses it), a field a type gains is added
/// (<c>ALTER TYPE ... ADD</c>), and a type no table uses any more is dropped after everything else.
/// </summary>
/// <remarks>
/// A field a type loses is reported as <see cref="AlterUserDefinedTypeOperation.DroppedFields"/> (the differ cannot tell
/// a migration's Up from its Down; the Up is refused when the migration is generated, and CQL for it is refused); a
/// field whose type changes is refused here. A model that uses user-defined types but records none (a snapshot written
/// before the provider recorded them) says nothing about them, so no type operation comes from it.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraMigrationsModelDiffer(
    IRelationalTypeMappingSource typeMappingSource,
    IMigrationsAnnotationProvider migrationsAnnotationProvider,
    IRelationalAnnotationProvider relationalAnnotationProvider,
    IRowIdentityMapFactory rowIdentityMapFactory,
    CommandBatchPreparerDependencies commandBatchPreparerDependencies)
    : MigrationsModelDiffer(
        typeMappingSource, migrationsAnnotationProvider, relationalAnnotationProvider, rowIdentityMapFactory,
        commandBatchPreparerDependencies)
{
    /// <inheritdoc />
    public override bool HasDifferences(IRelationalModel? source, IRelationalModel? target)
        => base.HasDifferences(source, target) || DiffUserDefinedTypes(source, target, refuseTypeChanges: false).Any();

    /// <inheritdoc />
    public override IReadOnlyList<MigrationOperation> GetDifferences(IRelationalModel? source, IRelationalModel? target)
    {
        var operations = base.GetDifferences(source, target);
        var typeOperations = DiffUserDefinedTypes(source, target, refuseTypeChanges: true).ToList();
        if (typeOperations.Count == 0)
        {
            return operations;
        }

        // Types before the tables (a new keyspace first), drops after the tables and columns that used them.
        var keyspaces = operations.TakeWhile(o => o is EnsureSchemaOperation).Count();
        return
        [
            .. operations.Take(keyspaces),
            .. typeOperations.Where(o => o is not DropUserDefinedTypeOperation),
            .. operations.Skip(keyspaces),
            .. typeOperations.OfType<DropUserDefinedTypeOperation>(),
        ];
    }

    /// <summary>The user-defined type operations that turn <paramref name="source"/>'s types into <paramref name="target"/>'s.</summary>
    /// <param name="source">The model migrated from (null: none).</param>
    /// <param name="target">The model migrated to (null: none).</param>
    /// <param name="refuseTypeChanges">Whether a changed field type throws (else it counts as a difference).</param>
    protected virtual IEnumerable<MigrationOperation> DiffUserDefinedTypes(IRelationalModel? source, IRelationalModel? target, bool refuseTypeChanges)
    {
        if (Recorded(source) is not { } sourceTypes || Recorded(target) is not { } targetTypes)
        {
            yield break;
        }

        foreach (var type in targetTypes)
        {
            var old = sourceTypes.FirstOrDefault(t => t.Keyspace == type.Keyspace && t.Name == type.Name);
            if (old is null)
            {
                // With no source, every table is new and the SQL generator creates its types with it.
                if (source is not null)
                {
                    yield return new CreateUserDefinedTypeOperation { Name = type.Name, Schema = type.Keyspace, Fields = type.Fields };
                }

                continue;
            }

            foreach (var (name, newType) in type.Fields)
            {
                if (old.Fields.FirstOrDefault(f => f.Name == name) is { Type: { } oldType }
                    && !string.Equals(oldType, newType, StringComparison.OrdinalIgnoreCase))
                {
                    if (refuseTypeChanges)
                    {
                        throw new InvalidOperationException(MigrationsStrings.UserDefinedTypeFieldTypeChange(
                            CassandraUserDefinedTypes.DisplayName(type.Keyspace, type.Name), name, oldType, newType));
                    }

                    // Only counted (HasDifferences): the pending change is reported when the migration is generated.
                    yield return new AlterUserDefinedTypeOperation { Name = type.Name, Schema = type.Keyspace };
                }
            }

            var added = type.Fields.Where(f => old.Fields.All(o => o.Name != f.Name)).ToList();
            var dropped = old.Fields.Where(o => type.Fields.All(f => f.Name != o.Name)).Select(o => o.Name).ToList();
            if (added.Count > 0 || dropped.Count > 0)
            {
                yield return new AlterUserDefinedTypeOperation { Name = type.Name, Schema = type.Keyspace, AddedFields = added, DroppedFields = dropped };
            }
        }

        // A type before the types its fields use: the reverse of creation.
        foreach (var type in sourceTypes.Reverse())
        {
            if (!targetTypes.Any(t => t.Keyspace == type.Keyspace && t.Name == type.Name))
            {
                yield return new DropUserDefinedTypeOperation { Name = type.Name, Schema = type.Keyspace };
            }
        }
    }

    // The types a model records; none for no model; null (unknown) when its tables use types it does not record.
    private static IReadOnlyList<CassandraUserDefinedType>? Recorded(IRelationalModel? model)
    {
        if (model is null)
        {
            return [];
        }

        var recorded = CassandraUserDefinedTypes.FromModel(model.Model);
        return recorded.Count > 0
               || CassandraUserDefinedTypes.Collect(model.Tables.SelectMany(t => t.Columns.Select(c => (t.Schema, (RelationalTypeMapping?)c.StoreTypeMapping)))).Count == 0
            ? recorded
            : null;
    }
}
