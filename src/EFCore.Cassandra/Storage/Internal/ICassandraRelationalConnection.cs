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
}
