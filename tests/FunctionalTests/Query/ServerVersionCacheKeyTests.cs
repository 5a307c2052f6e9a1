using System.Data.Common;

using Cassandra.TestInfrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Contexts_configured_for_different_server_versions_get_different_models_and_refuse_each_others_compiled_queries()
    {
        // One internal service provider for both (as when the application builds it): one model cache, one query cache.
        await using var services = new ServiceCollection().AddEntityFrameworkCassandra().BuildServiceProvider();
        await using var old = Configured("2.1", services);
        await using var current = Configured("4.0", services);
        await using var currentAgain = Configured("4.0", services);

        Assert.NotSame(old.Model, current.Model);
        Assert.Same(current.Model, currentAgain.Model);

        // Max is an aggregate 2.2 added: translated for 4.0, refused for 2.1.
        var max = EF.CompileAsyncQuery((ReadingContext c) => c.Readings.Where(r => r.Sensor == "s1" && r.Day == 1).Max(r => r.Value));

        // Translated for 4.0 (and bound to its model), then it fails to connect: nothing listens.
        await Assert.ThrowsAnyAsync<DbException>(() => max(current));
        var message = (await Assert.ThrowsAsync<InvalidOperationException>(() => max(old))).Message;

        Assert.Contains("different model", message, StringComparison.Ordinal);
    }

    // Nothing listens at port 1: these contexts translate, and reach no server.
    private static ReadingContext Configured(string version, IServiceProvider services)
        => new(new DbContextOptionsBuilder()
            .UseInternalServiceProvider(services)
            .UseCassandra("Contact Points=127.0.0.1;Port=1;Keyspace=ks;Connect Timeout=1", o => o.ServerVersion(version))
            .Options);
}
