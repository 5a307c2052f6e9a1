namespace EntityFrameworkCore.Cassandra.Metadata.Internal;

/// <summary>The names of every annotation the provider reads, in one place (they appear in model snapshots).</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CassandraAnnotationNames
{
    /// <summary>The prefix of every Cassandra annotation.</summary>
    public const string Prefix = "Cassandra:";

    /// <summary>Model: the replication of a keyspace, as a CQL map literal; the keyspace name follows the prefix.</summary>
    public const string ReplicationPrefix = Prefix + "Replication:";

    /// <summary>Model: whether a keyspace uses durable writes; the keyspace name follows the prefix.</summary>
    public const string DurableWritesPrefix = Prefix + "DurableWrites:";

    /// <summary>
    /// Model: the fields of a user-defined type the tables use, as migrations last saw them (see
    /// <see cref="CassandraUserDefinedTypes"/>); <c>keyspace:name</c> follows the prefix.
    /// </summary>
    public const string UserDefinedTypePrefix = Prefix + "UserDefinedType:";

    /// <summary>Entity type: the names of the key properties that form the partition key, in order.</summary>
    public const string PartitionKey = Prefix + "PartitionKey";

    /// <summary>Property: the position of the property in the partition key (from <c>[PartitionKey(order)]</c>).</summary>
    public const string PartitionKeyOrder = Prefix + "PartitionKeyOrder";

    /// <summary>Property: the clustering order of a clustering column (<see cref="ClusteringOrder"/>).</summary>
    public const string ClusteringOrder = Prefix + "ClusteringOrder";

    /// <summary>Property: the column is static (one value per partition).</summary>
    public const string Static = Prefix + "Static";

    /// <summary>Whether SaveChanges updates a collection column by adding and removing elements rather than replacing it.</summary>
    public const string IncrementalCollectionUpdates = Prefix + "IncrementalCollectionUpdates";

    /// <summary>Entity type: <c>default_time_to_live</c> in seconds.</summary>
    public const string DefaultTimeToLive = Prefix + "DefaultTimeToLive";

    /// <summary>Entity type: <c>gc_grace_seconds</c>.</summary>
    public const string GcGraceSeconds = Prefix + "GcGraceSeconds";

    /// <summary>Entity type: <c>compaction</c>, as a CQL map literal.</summary>
    public const string Compaction = Prefix + "Compaction";

    /// <summary>Entity type: <c>caching</c>, as a CQL map literal.</summary>
    public const string Caching = Prefix + "Caching";

    /// <summary>Entity type: added rows are inserted with <c>IF NOT EXISTS</c>.</summary>
    public const string InsertIfNotExists = Prefix + "InsertIfNotExists";

    /// <summary>Table (relational model): the partition key column names.</summary>
    public const string PartitionKeyColumns = Prefix + "PartitionKeyColumns";

    /// <summary>Table (relational model): the clustering columns in key order, each as <c>name ASC|DESC</c>.</summary>
    public const string ClusteringOrderColumns = Prefix + "ClusteringOrderColumns";

    /// <summary>Entity type (runtime annotation, never in snapshots): the partition key properties, computed once.</summary>
    public const string PartitionKeyPropertiesCache = Prefix + "PartitionKeyPropertiesCache";

    /// <summary>
    /// Entity type (runtime annotation, never in snapshots): the INSERT of each set of written columns, shared by every
    /// SaveChanges on the model.
    /// </summary>
    public const string InsertShapesCache = Prefix + "InsertShapesCache";
}
