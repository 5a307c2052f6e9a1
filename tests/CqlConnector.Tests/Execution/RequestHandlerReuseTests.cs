using CqlConnector.Execution;
using CqlConnector.Protocol.Requests;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

/// <summary>Request handlers of non-speculative requests are reused per thread: a reused one must carry nothing over.</summary>
public sealed class RequestHandlerReuseTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    private CqlSession Session => fixture.DataSource.Session;

    [Fact]
    public void A_returned_handler_is_clean_and_is_the_next_one_rented_on_the_thread()
    {
        var request = new QueryRequest("SELECT release_version FROM system.local", new QueryParameters { Consistency = ConsistencyLevel.One });
        var first = RequestHandler.Rent(Session, request, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) });
        Assert.False(first.IsClean);
        RequestHandler.Return(first);
        Assert.True(first.IsClean);

        var second = RequestHandler.Rent(Session, request, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) });
        Assert.Same(first, second);
        Assert.False(second.IsClean);

        // Only one handler is cached: while it is rented, another request gets a new one.
        var third = RequestHandler.Rent(Session, request, new RequestOptions());
        Assert.NotSame(second, third);
        RequestHandler.Return(third);
        RequestHandler.Return(second);
    }

    [Fact]
    public async Task Requests_alternating_with_failures_report_only_their_own_outcome()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS reuse (id int PRIMARY KEY, v text)");
        var insert = await Session.PrepareAsync("INSERT INTO reuse (id, v) VALUES (?, ?)");
        var select = await Session.PrepareAsync("SELECT v FROM reuse WHERE id = ?");
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<CqlSyntaxErrorException>(() => Session.ExecuteAsync(new SimpleStatement("SELEKT nothing")));
            await using (var written = await Session.ExecuteAsync(insert.Bind(i, "v" + i)))
            {
                Assert.Single(written.Info.TriedHosts);
            }

            await using var read = await Session.ExecuteAsync(select.Bind(i));
            var rows = new List<string>();
            await foreach (var row in read)
            {
                rows.Add(row.Get<string>(0));
            }

            Assert.Equal(["v" + i], rows);
            Assert.Single(read.Info.TriedHosts);
        }
    }
}
