using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

public sealed class PagingTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    private const int RowCount = 50_000;

    private CqlSession Session => fixture.DataSource.Session;

    public async Task InitializeAsync()
    {
        await fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS numbers (p int, n int, PRIMARY KEY (p, n))");
        var insert = await Session.PrepareAsync("INSERT INTO numbers (p, n) VALUES (?, ?)");
        var pending = Enumerable.Range(0, RowCount).ToList();
        for (var attempt = 0; attempt < 3 && pending.Count > 0; attempt++)
        {
            // A loaded node may time out a few writes: the setup sends those again, as an application would.
            var results = await Session.ExecuteConcurrentAsync(insert, pending.Select(n => new object?[] { n % 10, n }), concurrency: 128);
            pending = results.Where(r => !r.IsSuccess).Select(r => pending[(int)r.Index]).ToList();
        }

        Assert.Empty(pending);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static SimpleStatement Scan() => new("SELECT n FROM numbers") { PageSize = 1000 };

    [Fact]
    public async Task Enumerating_50000_rows_at_page_size_1000_yields_each_row_exactly_once()
    {
        var seen = new bool[RowCount];
        var count = 0;
        await using var result = await Session.ExecuteAsync(Scan());
        Assert.Equal(1000, result.CurrentPage.Count);
        Assert.True(result.HasMorePages);
        await foreach (var row in result)
        {
            var n = row.Get<int>(0);
            Assert.False(seen[n], $"row {n} seen twice");
            seen[n] = true;
            count++;
        }

        Assert.Equal(RowCount, count);
        Assert.False(result.HasMorePages);
    }

    [Fact]
    public async Task Resuming_from_a_paging_state_in_another_session_yields_exactly_the_remaining_rows()
    {
        var first = new HashSet<int>();
        string token;
        await using (var result = await Session.ExecuteAsync(Scan()))
        {
            for (var page = 0; page < 20; page++)
            {
                foreach (var row in result.CurrentPage)
                {
                    first.Add(row.Get<int>(0));
                }

                if (page < 19)
                {
                    Assert.True(await result.FetchNextPageAsync());
                }
            }

            token = result.PagingStateText!;
        }

        Assert.Equal(20_000, first.Count);
        await using var other = CqlDataSource.Create(fixture.ConnectionString);
        var resumed = Scan();
        resumed.SetPagingState(token);
        var rest = new HashSet<int>();
        await using (var result = await other.Session.ExecuteAsync(resumed))
        {
            await foreach (var row in result)
            {
                Assert.True(rest.Add(row.Get<int>(0)));
            }
        }

        Assert.Equal(RowCount - 20_000, rest.Count);
        Assert.Empty(first.Intersect(rest));
    }

    [Fact]
    public async Task Page_api_reports_each_page_with_its_paging_state_and_counts_every_row()
    {
        var pages = new List<(int Number, int Count, bool More)>();
        var rows = await Session.ExecutePagedAsync(Scan(), (page, _) =>
        {
            pages.Add((page.Number, page.Count, page.HasMorePages));
            return ValueTask.CompletedTask;
        });

        Assert.Equal(RowCount, rows);
        Assert.True(pages.Count >= 50);
        Assert.Equal(Enumerable.Range(0, pages.Count), pages.Select(p => p.Number));
        Assert.False(pages[^1].More);
        Assert.All(pages.SkipLast(1), p => Assert.True(p.More));
    }

    [Fact]
    public async Task Next_page_is_requested_when_the_first_row_of_the_current_one_is_read()
    {
        await using var result = await Session.ExecuteAsync(Scan());
        var firstPage = result.CurrentPage;
        await using var rows = result.GetAsyncEnumerator();

        // Nothing is requested before the consumer reads; the first row asks for the next page while it keeps reading.
        Assert.False(result.IsNextPageRequested);
        Assert.True(await rows.MoveNextAsync());
        Assert.True(result.IsNextPageRequested);
        for (var i = 1; i < 1000; i++)
        {
            Assert.True(await rows.MoveNextAsync());
        }

        Assert.Same(firstPage, result.CurrentPage);
        Assert.True(await rows.MoveNextAsync());
        Assert.NotSame(firstPage, result.CurrentPage);
        Assert.Equal(1, result.CurrentPage.Number);
    }

    [Fact]
    public void Paging_state_text_is_base64url_and_round_trips()
    {
        byte[] state = [0xFB, 0xFF, 0x00, 0x3E, 0x3F];
        var text = CqlPagingState.ToBase64Url(state);
        Assert.Equal("-_8APj8", text);
        Assert.Equal(state, CqlPagingState.FromBase64Url(text));
        var error = Assert.Throws<FormatException>(() => CqlPagingState.FromBase64Url("not base64!"));
        Assert.Contains("PagingStateText", error.Message);
    }
}
