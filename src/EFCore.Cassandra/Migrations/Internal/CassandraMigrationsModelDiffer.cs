using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update.Internal;

#pragma warning disable EF1001 // EF's model differ is pubternal; the provider adds keyspace settings and user-defined types to what it finds.

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// EF's model differ, plus the keyspaces' replication and durable writes (a change becomes an
/// <see cref="AlterKeyspaceOperation"/>, right after the keyspaces a migration creates) and the user-defined types the
/// models record (see <see cref="CassandraUserDefinedTypes"/>): a new type is created before anything else (when the
/// source model is known: for a first migration and EnsureCreated the SQL generator creates each type with the first
/// table that uses it), a field a type gains is added (<c>ALTER TYPE ... ADD</c>), and a type no table uses any more is
/// dropped after everything else.
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
        => base.HasDifferences(source, target)
            || DiffKeyspaces(source, target, refuseUnreadable: false).Any()
            || DiffUserDefinedTypes(source, target, refuseTypeChanges: false).Any();

    /// <inheritdoc />
    public override IReadOnlyList<MigrationOperation> GetDifferences(IRelationalModel? source, IRelationalModel? target)
    {
        var operations = base.GetDifferences(source, target);
        var keyspaceOperations = DiffKeyspaces(source, target, refuseUnreadable: true).ToList();
        var typeOperations = DiffUserDefinedTypes(source, target, refuseTypeChanges: true).ToList();
        if (keyspaceOperations.Count == 0 && typeOperations.Count == 0)
        {
            return operations;
        }

        // Keyspace changes and types before the tables (a new keyspace first), drops after the tables and columns that used them.
        var keyspaces = operations.TakeWhile(o => o is EnsureSchemaOperation).Count();
        return
        [
            .. operations.Take(keyspaces),
            .. keyspaceOperations,
            .. typeOperations.Where(o => o is not DropUserDefinedTypeOperation),
            .. operations.Skip(keyspaces),
            .. typeOperations.OfType<DropUserDefinedTypeOperation>(),
        ];
    }

    /// <summary>
    /// An <see cref="AlterKeyspaceOperation"/> for each keyspace both models use (by their tables or as the default
    /// keyspace) whose replication or durable writes differ, with only the settings that change. A keyspace that
    /// configures none has the settings it was created with (SimpleStrategy with one replica, durable writes on), so a
    /// snapshot without these annotations differs only from a model that configures other values. A keyspace only the
    /// target uses is created with its settings.
    /// </summary>
    /// <param name="source">The model migrated from (null: none).</param>
    /// <param name="target">The model migrated to (null: none).</param>
    /// <param name="refuseUnreadable">
    /// Whether a changed replication that is not a class with integer factors throws (else it counts as a difference).
    /// </param>
    protected virtual IEnumerable<AlterKeyspaceOperation> DiffKeyspaces(IRelationalModel? source, IRelationalModel? target, bool refuseUnreadable)
    {
        if (source is null || target is null)
        {
            yield break;
        }

        foreach (var keyspace in Keyspaces(target).Intersect(Keyspaces(source), StringComparer.Ordinal))
        {
            var oldText = source.Model.GetKeyspaceReplication(keyspace) ?? CassandraMigrationsSqlGenerator.DefaultReplication;
            var newText = target.Model.GetKeyspaceReplication(keyspace) ?? CassandraMigrationsSqlGenerator.DefaultReplication;
            CassandraReplication? replication = null;
            var replicationChanged = false;
            if (oldText != newText)
            {
                var (oldReplication, newReplication) = (ReadReplication(oldText), ReadReplication(newText));
                if (oldReplication is null || newReplication is null)
                {
                    if (refuseUnreadable)
                    {
                        throw new InvalidOperationException(
                            MigrationsStrings.UnreadableReplication(keyspace, oldReplication is null ? oldText : newText));
                    }

                    replicationChanged = true; // only counted (HasDifferences)
                }
                else if (!newReplication.HasSameSettings(oldReplication))
                {
                    (replication, replicationChanged) = (newReplication, true);
                }
            }

            var durableWrites = target.Model.GetKeyspaceDurableWrites(keyspace);
            var durableWritesChanged = durableWrites != source.Model.GetKeyspaceDurableWrites(keyspace);
            if (replicationChanged || durableWritesChanged)
            {
                yield return new AlterKeyspaceOperation
                {
                    Name = keyspace,
                    Replication = replication,
                    DurableWrites = durableWritesChanged ? durableWrites : null,
                };
            }
        }

        static IEnumerable<string> Keyspaces(IRelationalModel model)
            => model.Tables.Select(t => t.Schema).Append(model.Model.GetDefaultSchema()).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    // The replication a literal describes, validated as HasKeyspaceReplication would; null when it is not one.
    private static CassandraReplication? ReadReplication(string literal)
    {
        if (!CassandraReplication.TryParseCql(literal, out var strategyClass, out var factors))
        {
            return null;
        }

        try
        {
            return CassandraReplication.Create(strategyClass, factors);
        }
        catch (ArgumentException)
        {
            return null;
        }
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
