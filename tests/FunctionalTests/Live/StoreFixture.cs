using EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Live;

/// <summary>A keyspace of its own with the <see cref="StoreContext"/> tables, created once and dropped at the end.</summary>
public sealed class StoreFixture() : KeyspaceContextFixture<StoreContext>("store")
{
    protected override StoreContext Create(DbContextOptions options) => new(options);
}
