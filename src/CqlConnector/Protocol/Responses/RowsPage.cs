using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// One page of a Rows result, kept in the received frame's buffer: rows are decoded lazily, a row at a time, by a
/// <see cref="Cursor"/> that records where each cell lies; values are only decoded when read.
/// </summary>
internal sealed class RowsPage : IDisposable
{
    private readonly ResponseFrame _frame;
    private readonly int _rowsOffset;

    private RowsPage(ResponseFrame frame, IReadOnlyList<CqlColumn> columns, RowsMetadata metadata, int rowCount, int rowsOffset)
    {
        _frame = frame;
        Columns = columns;
        Metadata = metadata;
        RowCount = rowCount;
        _rowsOffset = rowsOffset;
    }

    public IReadOnlyList<CqlColumn> Columns { get; }

    public RowsMetadata Metadata { get; }

    public int RowCount { get; }

    /// <summary>The paging state of the next page, or <c>null</c> on the last page.</summary>
    public byte[]? PagingState => Metadata.PagingState;

    public Guid? TracingId => _frame.TracingId;

    public IReadOnlyList<string>? Warnings => _frame.Warnings;

    private ReadOnlySpan<byte> RowsData => _frame.Body[_rowsOffset..];

    /// <summary>The rows' bytes, for decoders that index the whole page at once.</summary>
    internal ReadOnlyMemory<byte> RowsMemory => _frame.BodyMemory[_rowsOffset..];

    /// <summary>
    /// Reads a RESULT frame. Returns the page for a Rows result (taking ownership of the frame), or <c>null</c> for
    /// any other kind. <paramref name="knownColumns"/> are used when the request skipped the metadata.
    /// </summary>
    public static RowsPage? Read(ResponseFrame frame, IReadOnlyList<CqlColumn>? knownColumns)
    {
        var reader = new CqlReader(frame.Body);
        var kind = (ResultKind)reader.ReadInt32();
        if (kind != ResultKind.Rows)
        {
            return null;
        }

        var metadata = RowsMetadata.Read(ref reader);
        var columns = metadata.Columns ?? knownColumns
            ?? throw new CqlProtocolViolationException("The node sent rows without metadata, and no prepared metadata is known for them.");
        var rowCount = reader.ReadInt32();
        return new RowsPage(frame, columns, metadata, rowCount, reader.Position);
    }

    public void Dispose() => _frame.Dispose();

    /// <summary>Walks the rows of a page, recording the offset and length of each cell of the current row.</summary>
    internal sealed class Cursor
    {
        private int[] _offsets = [];
        private int[] _lengths = [];
        private RowsPage? _page;
        private int _position;
        private int _row;

        public Cursor()
        {
        }

        public Cursor(RowsPage page) => Reset(page);

        public RowsPage Page => _page ?? throw new InvalidOperationException("No page is loaded.");

        public void Reset(RowsPage page)
        {
            _page = page;
            _position = 0;
            _row = -1;
            var count = page.Columns.Count;
            if (_offsets.Length < count)
            {
                _offsets = new int[count];
                _lengths = new int[count];
            }
        }

        /// <summary>Moves to the next row of the page; false when the page is exhausted.</summary>
        public bool MoveNext()
        {
            var page = Page;
            if (_row + 1 >= page.RowCount)
            {
                _row = page.RowCount;
                return false;
            }

            _row++;
            var data = page.RowsData;
            var reader = new CqlReader(data[_position..]);
            var count = page.Columns.Count;
            for (var i = 0; i < count; i++)
            {
                var length = reader.ReadInt32();
                _offsets[i] = _position + reader.Position;
                _lengths[i] = length;
                if (length > 0)
                {
                    reader.Skip(length);
                }
            }

            _position += reader.Position;
            return true;
        }

        public bool IsNull(int ordinal) => _lengths[ordinal] < 0;

        public ReadOnlySpan<byte> GetCell(int ordinal)
        {
            var length = _lengths[ordinal];
            return length < 0 ? default : Page.RowsData.Slice(_offsets[ordinal], length);
        }

        public ReadOnlyMemory<byte> GetCellMemory(int ordinal)
        {
            var length = _lengths[ordinal];
            return length < 0 ? default : Page._frame.BodyMemory.Slice(Page._rowsOffset + _offsets[ordinal], length);
        }
    }
}
