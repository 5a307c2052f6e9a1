using EntityFrameworkCore.Cassandra.Diagnostics.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EntityFrameworkCore.Cassandra.Infrastructure.Internal;

/// <summary>
/// Rejects, when the model is built, what Cassandra cannot do — so the error names the model element and the remedy
/// instead of surfacing later as a server error.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModelValidator(
    ModelValidatorDependencies dependencies,
    RelationalModelValidatorDependencies relationalDependencies)
    : RelationalModelValidator(dependencies, relationalDependencies)
{
    /// <inheritdoc />
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        ValidateNoSequences(model);

        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateNoRelationships(entityType);
            ValidateIndexes(entityType);
            ValidateKey(entityType);
            foreach (var property in entityType.GetDeclaredProperties())
            {
                ValidateProperty(property);
            }
        }

        base.Validate(model, logger);
    }

    /// <summary>Cassandra has no sequences.</summary>
    protected virtual void ValidateNoSequences(IModel model)
    {
        if (model.GetSequences().FirstOrDefault() is { } sequence)
        {
            throw new InvalidOperationException(CassandraStrings.SequencesNotSupported(sequence.Name));
        }
    }

    /// <summary>Cassandra has no foreign keys and no joins.</summary>
    protected virtual void ValidateNoRelationships(IEntityType entityType)
    {
        if (entityType.GetDeclaredForeignKeys().FirstOrDefault() is { } foreignKey)
        {
            throw new InvalidOperationException(
                CassandraStrings.ForeignKeysNotSupported(entityType.DisplayName(), foreignKey.PrincipalEntityType.DisplayName()));
        }
    }

    /// <summary>Uniqueness cannot be enforced; secondary indexes are not created yet.</summary>
    protected virtual void ValidateIndexes(IEntityType entityType)
    {
        if (entityType.GetDeclaredIndexes().FirstOrDefault() is { } index)
        {
            var name = index.DisplayName();
            throw new InvalidOperationException(
                index.IsUnique
                    ? CassandraStrings.UniqueIndexNotSupported(name, entityType.DisplayName())
                    : CassandraStrings.IndexNotSupported(name, entityType.DisplayName()));
        }
    }

    /// <summary>
    /// A table needs a keyspace and a primary key; for now the key is a single column (the partition key).
    /// </summary>
    protected virtual void ValidateKey(IEntityType entityType)
    {
        var table = entityType.GetTableName();
        if (table is null || entityType.BaseType is not null)
        {
            return;
        }

        if (entityType.GetSchema() is null)
        {
            throw new InvalidOperationException(CassandraStrings.NoKeyspace(table));
        }

        var key = entityType.FindPrimaryKey();
        if (key is null)
        {
            throw new InvalidOperationException(CassandraStrings.KeylessTableNotSupported(entityType.DisplayName(), table));
        }

        if (key.Properties.Count > 1)
        {
            throw new InvalidOperationException(
                CassandraStrings.CompositeKeyNotSupported(
                    entityType.DisplayName(), string.Join(", ", key.Properties.Select(p => p.Name))));
        }
    }

    /// <summary>No concurrency tokens, defaults, computed columns or store-generated values.</summary>
    protected virtual void ValidateProperty(IProperty property)
    {
        var entityType = property.DeclaringType.DisplayName();

        if (property.IsConcurrencyToken)
        {
            throw new InvalidOperationException(CassandraStrings.ConcurrencyTokenNotSupported(property.Name, entityType));
        }

        if (property.GetComputedColumnSql() is not null)
        {
            throw new InvalidOperationException(CassandraStrings.ComputedColumnNotSupported(property.Name, entityType));
        }

        if (property.TryGetDefaultValue(out _) || property.GetDefaultValueSql() is not null)
        {
            throw new InvalidOperationException(CassandraStrings.DefaultValueNotSupported(property.Name, entityType));
        }

        // A value generated on add is fine when EF generates it on the client; otherwise the store would have to.
        if (property.ValueGenerated != ValueGenerated.Never
            && property.GetValueGeneratorFactory() is null
            && !(property.ValueGenerated == ValueGenerated.OnAdd && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(Guid)))
        {
            throw new InvalidOperationException(CassandraStrings.StoreGeneratedValueNotSupported(property.Name, entityType));
        }
    }
}
