using EntityFrameworkCore.Cassandra.Diagnostics.Internal;
using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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

        ValidateUserDefinedTypeNames(model);
        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateNoRelationships(entityType);
            ValidateIndexes(entityType);
            ValidateKey(entityType);
            ValidateComplexProperties(entityType);
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

    /// <summary>
    /// An index is a Cassandra secondary index on one non-key column; uniqueness cannot be enforced.
    /// </summary>
    protected virtual void ValidateIndexes(IEntityType entityType)
    {
        foreach (var index in entityType.GetDeclaredIndexes())
        {
            var name = index.DisplayName();
            if (index.IsUnique)
            {
                throw new InvalidOperationException(CassandraStrings.UniqueIndexNotSupported(name, entityType.DisplayName()));
            }

            if (index.Properties.Count != 1)
            {
                throw new InvalidOperationException(
                    CassandraStrings.MultiColumnIndexNotSupported(name, entityType.DisplayName()));
            }

            if (index.Properties[0].IsCounter())
            {
                throw new InvalidOperationException(CassandraStrings.CounterIndexNotSupported(name, entityType.DisplayName()));
            }
        }
    }

    /// <summary>
    /// A table needs a keyspace and a primary key; the partition key is made of key properties; static columns need
    /// clustering columns; a counter table holds only key and counter columns.
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

        if (entityType.GetConfiguredPartitionKey() is { } configured)
        {
            foreach (var name in configured)
            {
                if (key.Properties.All(p => p.Name != name))
                {
                    throw new InvalidOperationException(
                        CassandraStrings.PartitionKeyNotInKey(entityType.DisplayName(), name, string.Join(", ", key.Properties.Select(p => p.Name))));
                }
            }
        }

        var hasClustering = entityType.GetClusteringKeyProperties().Count > 0;
        var counters = entityType.GetProperties().Where(p => p.IsCounter()).ToList();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsStaticColumn())
            {
                if (property.IsKey())
                {
                    throw new InvalidOperationException(CassandraStrings.StaticKeyColumn(property.Name, entityType.DisplayName()));
                }

                if (!hasClustering)
                {
                    throw new InvalidOperationException(CassandraStrings.StaticWithoutClustering(property.Name, entityType.DisplayName()));
                }
            }

            if (property.UsesIncrementalCollectionUpdates()
                && (property.GetColumnType() ?? property.FindRelationalTypeMapping()?.StoreType) is var storeType
                && (storeType is null || !(storeType.StartsWith("list<", StringComparison.OrdinalIgnoreCase)
                    || storeType.StartsWith("set<", StringComparison.OrdinalIgnoreCase)
                    || storeType.StartsWith("map<", StringComparison.OrdinalIgnoreCase))))
            {
                throw new InvalidOperationException(CassandraStrings.IncrementalUpdateOnNonCollection(property.Name, entityType.DisplayName(), storeType ?? "?"));
            }

            if (property.IsCounter() && property.IsKey())
            {
                throw new InvalidOperationException(CassandraStrings.CounterKeyColumn(property.Name, entityType.DisplayName()));
            }

            if (counters.Count > 0 && !property.IsKey() && !property.IsCounter())
            {
                throw new InvalidOperationException(
                    CassandraStrings.CounterTableWithOtherColumns(entityType.DisplayName(), counters[0].Name, property.Name));
            }
        }

        if (counters.Count > 0 && entityType.GetInsertIfNotExists())
        {
            throw new InvalidOperationException(CassandraStrings.CounterTableLightweightTransaction(entityType.DisplayName()));
        }
    }

    /// <summary>
    /// A complex property is stored as a user-defined type column (<see cref="Metadata.Conventions.CassandraComplexTypeConvention"/>);
    /// one still here could not be, and would otherwise become one column per member.
    /// </summary>
    protected virtual void ValidateComplexProperties(IEntityType entityType)
    {
        foreach (var complexProperty in entityType.GetDeclaredComplexProperties())
        {
            var reason = CassandraComplexTypes.FindProblem(complexProperty, RelationalDependencies.TypeMappingSource)
                ?? "the model refused the column: check the configuration of the property's name";
            throw new InvalidOperationException(
                CassandraStrings.ComplexPropertyNotMappable(
                    entityType.DisplayName(), complexProperty.Name, CassandraComplexTypes.TypeName(complexProperty), reason));
        }
    }

    /// <summary>
    /// Two classes that map to user-defined types of one name in one keyspace (classes of one name in different
    /// namespaces, or the same [UserDefinedType] name) must have the same fields: the type is created once, with the
    /// fields of the first, and the other's values would not fit it.
    /// </summary>
    protected virtual void ValidateUserDefinedTypeNames(IModel model)
    {
        var seen = new Dictionary<(string?, string), CqlUserDefinedTypeMapping>();
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                Visit(property.FindRelationalTypeMapping(), entityType.GetSchema());
            }
        }

        void Visit(RelationalTypeMapping? mapping, string? keyspace)
        {
            if (mapping is not CqlCompositeTypeMapping composite)
            {
                return;
            }

            foreach (var element in composite.ElementMappings)
            {
                Visit(element, keyspace);
            }

            if (composite is CqlUserDefinedTypeMapping udt)
            {
                if (!seen.TryAdd((keyspace, udt.TypeName), udt) && seen[(keyspace, udt.TypeName)] is var first
                    && first.ClrType != udt.ClrType && Fields(first) != Fields(udt))
                {
                    throw new InvalidOperationException(
                        CassandraStrings.UserDefinedTypeNameClash(udt.TypeName, keyspace ?? "?", first.ClrType.FullName!, udt.ClrType.FullName!));
                }
            }
        }

        static string Fields(CqlUserDefinedTypeMapping udt)
            => string.Join(", ", udt.Fields.Select(f => f.Name + " " + CqlCompositeTypeMapping.NestedStoreTypeOf(f.Mapping)));
    }

    /// <summary>No concurrency tokens, defaults, computed columns or store-generated values.</summary>
    protected virtual void ValidateProperty(IProperty property)
    {
        var entityType = property.DeclaringType.DisplayName();

        if (property.IsConcurrencyToken && (property.IsKey() || property.IsCounter()))
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
