using Cassandra.TestInfrastructure;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Scaffolding.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

using EfClusteringOrder = EntityFrameworkCore.Cassandra.Metadata.ClusteringOrder;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>Scaffolding a keyspace created on the real node, through the factory and EF's pipeline.</summary>
public sealed class LiveScaffoldingTests : IAsyncLifetime
{
    private readonly string _keyspace = "scaffold_" + Guid.NewGuid().ToString("N")[..10];
    private CqlDataSource _dataSource = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var endpoint = await CassandraServer.GetAsync();
        _connectionString = $"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace={_keyspace}";
        _dataSource = CqlDataSource.Create($"Contact Points={endpoint.Host};Port={endpoint.Port}");
        foreach (var cql in new[]
        {
            $"CREATE KEYSPACE {_keyspace} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 2}} AND durable_writes = false",
            $"""
             CREATE TABLE {_keyspace}.readings (
                 tenant text, day int, at timestamp, sensor uuid, site text static, value double,
                 samples list<int>, tags set<text>, counts map<text, int>, trace timeuuid,
                 PRIMARY KEY ((tenant, day), at, sensor))
             WITH CLUSTERING ORDER BY (at DESC, sensor ASC) AND default_time_to_live = 3600
             """,
            $"CREATE INDEX readings_value_idx ON {_keyspace}.readings (value)",
            $"CREATE TYPE {_keyspace}.geo_point (lat double, lon double)",
            $"CREATE TYPE {_keyspace}.postal_address (street text, location frozen<geo_point>)",
            $"CREATE TABLE {_keyspace}.users (id uuid PRIMARY KEY, name text, home frozen<postal_address>)",
        })
        {
            await using var command = _dataSource.CreateCommand(cql);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await using (var command = _dataSource.CreateCommand($"DROP KEYSPACE IF EXISTS {_keyspace}"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }

    [Fact]
    public void Live_keyspace_scaffolds_keys_clustering_order_static_column_index_and_collections()
    {
        using var services = DesignServices.Create();
        var factory = Assert.IsType<CassandraDatabaseModelFactory>(services.GetRequiredService<IDatabaseModelFactory>());

        var databaseModel = factory.Create(_connectionString, new DatabaseModelFactoryOptions());
        Assert.Equal(["readings", "users"], databaseModel.Tables.Select(t => t.Name).Order());
        var table = databaseModel.Tables.Single(t => t.Name == "readings");
        Assert.Equal(["tenant", "day", "at", "sensor"], table.PrimaryKey!.Columns.Select(c => c.Name));
        Assert.Equal(
            ["at timestamp", "counts map<text, int>", "day int", "samples list<int>", "sensor uuid", "site text", "tags set<text>", "tenant text", "trace timeuuid", "value double"],
            table.Columns.Select(c => c.Name + " " + c.StoreType).Order());
        Assert.Equal("readings_value_idx", Assert.Single(table.Indexes).Name);

        var model = services.GetRequiredService<IScaffoldingModelFactory>().Create(databaseModel, new ModelReverseEngineerOptions());
        var reading = model.FindEntityType("Reading")!;
        Assert.Equal(["Tenant", "Day"], reading.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["At", "Sensor"], reading.GetClusteringKeyProperties().Select(p => p.Name));
        Assert.Equal(
            [EfClusteringOrder.Descending, EfClusteringOrder.Ascending],
            reading.GetClusteringKeyProperties().Select(p => p.GetClusteringOrder()));
        Assert.True(reading.FindProperty("Site")!.IsStaticColumn());
        Assert.Equal(TimeSpan.FromHours(1), reading.GetDefaultTimeToLive());
        Assert.Equal(typeof(Dictionary<string, int>), reading.FindProperty("Counts")!.ClrType);
        Assert.Equal(["Id"], model.FindEntityType("User")!.GetPartitionKeyProperties().Select(p => p.Name));

        // A UDT column gets a class generated for its type, nested UDTs included.
        var home = model.FindEntityType("User")!.FindProperty("Home")!.ClrType;
        Assert.Equal("PostalAddress", home.Name);
        Assert.Equal(["Location GeoPoint", "Street String"], home.GetProperties().Select(p => p.Name + " " + p.PropertyType.Name).Order());

        // The keyspace's own settings, read from the node (which stores the class by its Java name).
        Assert.Equal("{'class': 'SimpleStrategy', 'replication_factor': 2}", model.GetKeyspaceReplication(_keyspace));
        Assert.False(model.GetKeyspaceDurableWrites(_keyspace));
    }
}
