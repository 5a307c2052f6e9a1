using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>The provider's connection to Cassandra.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public interface ICassandraRelationalConnection : IRelationalConnection
{
    /// <summary>
    /// A connection to the same cluster that selects no keyspace, for work on keyspaces themselves (checking, creating
    /// or dropping them): a connection whose keyspace does not exist yet cannot be opened.
    /// </summary>
    ICassandraRelationalConnection CreateAdminConnection();

    /// <summary>
    /// True while EF's migrator applies migrations. Its pipeline asks for a transaction around each migration; while
    /// this is set the connection answers with one that does nothing (every migration command runs on its own, as
    /// all CQL does) instead of refusing. Set only by the provider's migrator.
    /// </summary>
    bool IsApplyingMigrations { get; set; }
}
