using System.Collections;

namespace CqlConnector.Execution;

/// <summary>
/// The results of an in-order concurrent run, in chunks of fixed size so that the list grows with a lazily read
/// input without ever copying (or holding twice) what it has. Each entry is two references: for the common bare
/// write, a result set shared per node, so a million writes cost ~16 MB here.
/// </summary>
internal sealed class ConcurrentResultList : IReadOnlyList<CqlConcurrentResult>
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
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
        if ((index >> ChunkShift) >= _chunks.Count)
        {
            _chunks.Add(new Entry[ChunkSize]);
        }

        _count = index + 1;
    }

    /// <summary>Stores a result; concurrent calls write distinct entries of chunks that never move.</summary>
    public void Set(long index, CqlResultSet? result, Exception? exception)
    {
        ref var entry = ref _chunks[(int)(index >> ChunkShift)][index & (ChunkSize - 1)];
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

            var entry = _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
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
