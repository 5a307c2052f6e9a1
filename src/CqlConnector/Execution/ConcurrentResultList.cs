using System.Collections;
using System.Numerics;

namespace CqlConnector.Execution;

/// <summary>
/// The results of an in-order concurrent run, in chunks that never move, so that the list grows with a lazily read
/// input without ever copying (or holding twice) what it has, and workers write their entries without a lock. The
/// first chunks double from 64 entries up to 4096 (a run of one statement, such as a SaveChanges of one entity,
/// costs 1 KB here, not 64 KB); after that every chunk has 4096. Each entry is two references: for the common bare
/// write, a result set shared per node, so a million writes cost ~16 MB here.
/// </summary>
internal sealed class ConcurrentResultList : IReadOnlyList<CqlConcurrentResult>
{
    private const int FirstChunkShift = 6;
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;

    // Chunks 0..6 hold [0, 64), [64, 128), [128, 256), ... [2048, 4096): each as large as all before it.
    private const int GrowingChunks = ChunkShift - FirstChunkShift + 1;
    private readonly List<Entry[]> _chunks = [];
    private long _count;

    private struct Entry
    {
        public CqlResultSet? Result;
        public Exception? Exception;
    }

    public int Count => checked((int)_count);

    /// <summary>Makes room for <paramref name="index"/>; called in input order, by one caller at a time.</summary>
    public void Reserve(long index)
    {
        var (chunk, _) = Locate(index);
        if (chunk >= _chunks.Count)
        {
            _chunks.Add(new Entry[chunk == 0 ? 1 << FirstChunkShift : chunk < GrowingChunks ? 1 << (FirstChunkShift + chunk - 1) : ChunkSize]);
        }

        _count = index + 1;
    }

    /// <summary>The chunk that holds <paramref name="index"/>, and the entry's offset in it.</summary>
    private static (int Chunk, int Offset) Locate(long index)
    {
        if (index < 1 << FirstChunkShift)
        {
            return (0, (int)index);
        }

        if (index < ChunkSize)
        {
            // 64 << (k - 1) <= index < 64 << k for chunk k.
            var chunk = BitOperations.Log2((ulong)index) - FirstChunkShift + 1;
            return (chunk, (int)(index - (1L << (FirstChunkShift + chunk - 1))));
        }

        return ((int)((index - ChunkSize) >> ChunkShift) + GrowingChunks, (int)((index - ChunkSize) & (ChunkSize - 1)));
    }

    /// <summary>Stores a result; concurrent calls write distinct entries of chunks that never move.</summary>
    public void Set(long index, CqlResultSet? result, Exception? exception)
    {
        var (chunk, offset) = Locate(index);
        ref var entry = ref _chunks[chunk][offset];
        entry.Result = result;
        entry.Exception = exception;
    }

    public CqlConcurrentResult this[int index]
    {
        get
        {
            if ((uint)index >= (ulong)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The run has {_count} result(s).");
            }

            var (chunk, offset) = Locate(index);
            var entry = _chunks[chunk][offset];
            return new CqlConcurrentResult(index, entry.Result, entry.Exception);
        }
    }

    public IEnumerator<CqlConcurrentResult> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
