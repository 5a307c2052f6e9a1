#pragma warning disable EF1001 // this test pins the provider's own internal helper
using EntityFrameworkCore.Cassandra.Storage.Internal;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Generation;

public class SchemaQueriesTests
{
    [Theory]
    [InlineData("2.1.0", "system.schema_keyspaces")]
    [InlineData("2.2.19", "system.schema_keyspaces")]
    [InlineData("3.0.0", "system_schema.keyspaces")]
    [InlineData("5.0-beta1", "system_schema.keyspaces")]
    [InlineData("", "system_schema.keyspaces")]
    public void Schema_tables_follow_the_release_version(string releaseVersion, string table)
        => Assert.Contains(table, SchemaQueries.KeyspaceExists(SchemaQueries.ParseVersion(releaseVersion)));

    [Theory]
    [InlineData("2.1.0", "system.schema_columnfamilies")]
    [InlineData("4.1.3", "system_schema.tables")]
    public void Table_listing_follows_the_release_version(string releaseVersion, string table)
        => Assert.Contains(table, SchemaQueries.KeyspaceHasTables(SchemaQueries.ParseVersion(releaseVersion)));
}
