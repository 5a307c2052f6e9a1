using CqlConnector.Execution;

namespace CqlConnector.Tests.Execution;

/// <summary>The in-order results of a concurrent run: chunks that grow from 64 entries and never move.</summary>
public sealed class ConcurrentResultListTests
{
    [Fact]
    public void Every_index_across_the_growing_and_the_fixed_chunks_keeps_its_own_entry()
    {
        const int count = 20_000;
        var list = new ConcurrentResultList();
        var failures = new Exception[count];
        for (var i = 0; i < count; i++)
        {
            list.Reserve(i);
            failures[i] = new InvalidOperationException(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Written concurrently and out of order, as workers do.
        Parallel.For(0, count, i => list.Set(count - 1 - i, null, failures[count - 1 - i]));

        Assert.Equal(count, list.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, list[i].Index);
            Assert.Same(failures[i], list[i].Exception);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
    }

    [Fact]
    public void A_run_of_one_statement_allocates_a_small_chunk()
    {
        var warmUp = new ConcurrentResultList();
        warmUp.Reserve(0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var list = new ConcurrentResultList();
        list.Reserve(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 64 entries of two references, plus the list objects; a fixed 4096-entry chunk was 64 KB.
        Assert.InRange(allocated, 1, 2048);
    }
}
