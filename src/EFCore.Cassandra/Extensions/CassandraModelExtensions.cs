using EntityFrameworkCore.Cassandra.Metadata.Internal;

using Microsoft.EntityFrameworkCore.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the keyspace configuration of a model.</summary>
public static class CassandraModelExtensions
{
    /// <summary>
    /// The replication of <paramref name="keyspace"/> as a CQL map literal, or null when the model configures none
    /// (the provider then creates the keyspace with SimpleStrategy and one replica).
    /// </summary>
    public static string? GetKeyspaceReplication(this IReadOnlyModel model, string keyspace)
        => model[CassandraAnnotationNames.ReplicationPrefix + keyspace] as string;

    /// <summary>Whether <paramref name="keyspace"/> uses durable writes (true unless configured otherwise).</summary>
    public static bool GetKeyspaceDurableWrites(this IReadOnlyModel model, string keyspace)
        => model[CassandraAnnotationNames.DurableWritesPrefix + keyspace] as bool? ?? true;
}
