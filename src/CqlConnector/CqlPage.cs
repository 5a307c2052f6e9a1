using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>
/// One page of rows as the node sent it. The rows are views into the received buffer, decoded only when read; the
/// page indexes where each cell lies when it arrives (one pass over the length prefixes), so reading is O(1) per cell
/// and a page may be read from several threads. The buffer goes back to the pool when the page is released: when
/// the <see cref="CqlResultSet"/> moves past it or is disposed. A row read after that throws; keep a row longer with
/// <see cref="CqlRow.Detach"/>.
/// </summary>
public sealed class CqlPage : IReadOnlyList<CqlRow>
{
    private static readonly ConditionalWeakTable<IReadOnlyList<CqlColumn>, CqlColumnDefinition[]> Definitions = new();

    private RowsPage? _owner;
    private ReadOnlyMemory<byte> _data;
    private int[]? _cells;
    private bool _released;

    private CqlPage(RowsPage? owner, ReadOnlyMemory<byte> data, IReadOnlyList<CqlColumn> columns, int rowCount, byte[]? pagingState, CqlExecutionInfo info, int number)
    {
        _owner = owner;
        _data = data;
        ProtocolColumns = columns;
        Count = rowCount;
        PagingState = pagingState;
        Info = info;
        Number = number;
        _cells = rowCount == 0 ? null : IndexCells(data.Span, rowCount, columns.Count);
    }

    /// <summary>The rows of the page.</summary>
    public int Count { get; }

    /// <summary>The page's position in the result, counted from 0 (pages resumed from a paging state count afresh).</summary>
    public int Number { get; }

    /// <summary>The paging state of the page after this one, or null when this is the last page.</summary>
    public byte[]? PagingState { get; }

    /// <summary>Whether a page follows this one.</summary>
    public bool HasMorePages => PagingState is not null;

    /// <summary>How the request for this page ran: coordinator, warnings, trace id...</summary>
    public CqlExecutionInfo Info { get; }

    /// <summary>The columns of the rows.</summary>
    public IReadOnlyList<CqlColumnDefinition> Columns => Definitions.GetValue(ProtocolColumns, static c => CqlColumnDefinition.From(c));

    internal IReadOnlyList<CqlColumn> ProtocolColumns { get; }

    /// <summary>The row at <paramref name="index"/> (a view valid until the page is released).</summary>
    public CqlRow this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The page has {Count} row(s).");
            }

            return new CqlRow(this, index);
        }
    }

    internal static CqlPage Create(RowsPage rows, CqlExecutionInfo info, int number)
        => new(rows, rows.RowsMemory, rows.Columns, rows.RowCount, rows.PagingState, info, number);

    internal static CqlPage Empty(CqlExecutionInfo info) => new(null, default, [], 0, null, info, 0);

    /// <summary>
    /// Records, for every cell, its offset and length in the rows' bytes: two ints per cell, in a pooled array.
    /// A length below zero is a null.
    /// </summary>
    private static int[] IndexCells(ReadOnlySpan<byte> data, int rowCount, int columnCount)
    {
        var cells = ArrayPool<int>.Shared.Rent(Math.Max(1, rowCount * columnCount * 2));
        var reader = new CqlReader(data);
        var cell = 0;
        for (var row = 0; row < rowCount; row++)
        {
            for (var column = 0; column < columnCount; column++)
            {
                var length = reader.ReadInt32();
                cells[cell++] = reader.Position;
                cells[cell++] = length;
                if (length > 0)
                {
                    reader.Skip(length);
                }
            }
        }

        return cells;
    }

    internal bool IsNull(int row, int column)
    {
        var cells = Cells;
        return cells[((row * ProtocolColumns.Count) + column) * 2 + 1] < 0;
    }

    internal ReadOnlySpan<byte> GetCell(int row, int column)
    {
        var cells = Cells;
        var at = ((row * ProtocolColumns.Count) + column) * 2;
        var length = cells[at + 1];
        return length < 0 ? default : _data.Span.Slice(cells[at], length);
    }

    private int[] Cells => _released
        ? throw new ObjectDisposedException(nameof(CqlRow),
            "The row's page was released: the result set moved past it or was disposed, and its buffer went back to the pool. "
            + "Read rows before moving on, or keep them with CqlRow.Detach().")
        : _cells!;

    /// <summary>Copies one row into a page of its own, which is never released.</summary>
    internal CqlRow Detach(int row)
    {
        var columns = ProtocolColumns.Count;
        var cells = Cells;
        var first = row * columns * 2;
        var start = cells[first] - 4;
        var last = first + ((columns - 1) * 2);
        var end = cells[last] + Math.Max(0, cells[last + 1]);
        var copy = _data.Span[start..end].ToArray();
        var page = new CqlPage(null, copy, ProtocolColumns, 1, null, Info, 0);
        return new CqlRow(page, 0);
    }

    /// <summary>Returns the page's buffers to their pools; rows of the page can no longer be read.</summary>
    internal void Release()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_cells is { } cells)
        {
            _cells = null;
            ArrayPool<int>.Shared.Return(cells);
        }

        _data = default;
        _owner?.Dispose();
        _owner = null;
    }

    /// <inheritdoc />
    public IEnumerator<CqlRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new CqlRow(this, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
