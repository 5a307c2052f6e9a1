using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Keyspace configuration: replication and durable writes, used when the keyspace is created (a later migration alters
/// an existing keyspace whose settings change); and the user-defined types that migration snapshots record.
/// </summary>
public static class CassandraModelBuilderExtensions
{
    /// <summary>
    /// Sets the replication of the model's default keyspace (the configured <c>Keyspace</c>, or
    /// <c>HasDefaultSchema</c>). Without it the keyspace is created with SimpleStrategy and one replica, which only
    /// suits a development node.
    /// </summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="replication">E.g. <c>CassandraReplication.NetworkTopologyStrategy(("dc1", 3))</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasKeyspaceReplication(this ModelBuilder modelBuilder, CassandraReplication replication)
        => modelBuilder.HasKeyspaceReplication(DefaultKeyspace(modelBuilder), replication);

    /// <summary>Sets the replication of <paramref name="keyspace"/> (a keyspace some tables are mapped to).</summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="keyspace">The keyspace name.</param>
    /// <param name="replication">The replication.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasKeyspaceReplication(this ModelBuilder modelBuilder, string keyspace, CassandraReplication replication)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyspace);
        ArgumentNullException.ThrowIfNull(replication);
        modelBuilder.HasAnnotation(CassandraAnnotationNames.ReplicationPrefix + keyspace, replication.ToCql());
        return modelBuilder;
    }

    /// <summary>
    /// Sets the replication of <paramref name="keyspace"/> from plain values, the form generated code (migration
    /// snapshots, scaffolded contexts) uses: <c>HasKeyspaceReplication("ks", "SimpleStrategy", ("replication_factor", 1))</c>
    /// or <c>HasKeyspaceReplication("ks", "NetworkTopologyStrategy", ("dc1", 3), ("dc2", 2))</c>.
    /// </summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="keyspace">The keyspace name.</param>
    /// <param name="strategyClass">The replication class.</param>
    /// <param name="replicationFactors">The options after the class: <c>replication_factor</c>, or one per data centre.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasKeyspaceReplication(
        this ModelBuilder modelBuilder,
        string keyspace,
        string strategyClass,
        params (string Name, int ReplicationFactor)[] replicationFactors)
        => modelBuilder.HasKeyspaceReplication(keyspace, CassandraReplication.Create(strategyClass, replicationFactors));

    /// <summary>Sets <c>durable_writes</c> of the model's default keyspace (true by default; false skips the commit log).</summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="durableWrites">Whether writes go through the commit log.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasKeyspaceDurableWrites(this ModelBuilder modelBuilder, bool durableWrites)
        => modelBuilder.HasKeyspaceDurableWrites(DefaultKeyspace(modelBuilder), durableWrites);

    /// <summary>Sets <c>durable_writes</c> of <paramref name="keyspace"/>.</summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="keyspace">The keyspace name.</param>
    /// <param name="durableWrites">Whether writes go through the commit log.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasKeyspaceDurableWrites(this ModelBuilder modelBuilder, string keyspace, bool durableWrites)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyspace);
        modelBuilder.HasAnnotation(CassandraAnnotationNames.DurableWritesPrefix + keyspace, durableWrites);
        return modelBuilder;
    }

    /// <summary>
    /// Records the fields of a user-defined type the model's tables use, as a migration saw them. Migration snapshots
    /// and designer files call it, so that the next migration compares the classes with these fields and adds what a
    /// class gained (<c>ALTER TYPE ... ADD</c>); the provider records the types of the model itself, replacing a call
    /// made by hand, so application code has no need to call it.
    /// </summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="keyspace">The keyspace, or null for the configured one.</param>
    /// <param name="name">The type's name.</param>
    /// <param name="fields">The fields in order: name and CQL type (e.g. <c>("street", "text")</c>).</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder HasUserDefinedType(
        this ModelBuilder modelBuilder,
        string? keyspace,
        string name,
        params (string Name, string Type)[] fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(fields);
        modelBuilder.HasAnnotation(CassandraUserDefinedTypes.AnnotationName(keyspace, name), CassandraUserDefinedTypes.FormatFields(fields));
        return modelBuilder;
    }

    private static string DefaultKeyspace(ModelBuilder modelBuilder)
        => modelBuilder.Model.GetDefaultSchema()
            ?? throw new InvalidOperationException(
                "The model has no default keyspace yet, so the keyspace to configure is unknown. Set 'Keyspace' in the "
                + "connection string, call HasDefaultSchema(\"name\") first, or name the keyspace: "
                + "HasKeyspaceReplication(\"name\", ...).");
}
