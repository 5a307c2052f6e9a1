using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// The server version a query is translated for is part of its compiled-query cache key: contexts that share a service
/// provider but reach different servers (or none) never share a translation.
/// </summary>
public class ServerVersionCacheKeyTests
{
    [Fact]
    public async Task A_detected_server_version_separates_cached_queries_of_contexts_sharing_a_service_provider()
    {
        var endpoint = await CassandraServer.GetAsync();
        await using var live = new ReadingContext(new DbContextOptionsBuilder()
            .UseCassandra($"Contact Points={endpoint.Host};Port={endpoint.Port};Keyspace=ks").Options);
        // Nothing listens there: the version is unknown (and assumed to be the oldest supported).
        await using var unreachable = new ReadingContext(new DbContextOptionsBuilder()
            .UseCassandra("Contact Points=127.0.0.1;Port=1;Keyspace=ks;Connect Timeout=1").Options);

        // One service provider, so one compiled-query cache.
        Assert.Same(live.GetService<IDatabaseProvider>(), unreachable.GetService<IDatabaseProvider>());

        var query = live.Readings.Where(r => r.Sensor == "s1" && r.Day == 1).Expression;
        var liveKey = live.GetService<ICompiledQueryCacheKeyGenerator>().GenerateCacheKey(query, async: true);
        var liveAgain = live.GetService<ICompiledQueryCacheKeyGenerator>().GenerateCacheKey(query, async: true);
        var unreachableKey = unreachable.GetService<ICompiledQueryCacheKeyGenerator>().GenerateCacheKey(unreachable.Readings.Where(r => r.Sensor == "s1" && r.Day == 1).Expression, async: true);

        Assert.Equal(liveKey, liveAgain);
        Assert.NotEqual(liveKey, unreachableKey);
        Assert.Contains(endpoint.Source.Contains("docker", StringComparison.OrdinalIgnoreCase) ? "5." : "2.1", liveKey.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_server_version_is_in_the_key_without_connecting()
    {
        using var context = ReadingContext.ForGeneration("4.1");

        var key = context.GetService<ICompiledQueryCacheKeyGenerator>().GenerateCacheKey(((IQueryable)context.Readings).Expression, async: false);

        Assert.Contains("ServerVersion = 4.1", key.ToString(), StringComparison.Ordinal);
    }
}
