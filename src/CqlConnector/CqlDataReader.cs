using System.Collections;
using System.Data;
using System.Data.Common;
using CqlConnector.Connections;
using CqlConnector.Execution;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector;

/// <summary>
/// Reads the rows of a result page by page. Values are decoded only when read, straight from the received frame.
/// An asynchronous reader requests the next page as soon as it starts reading a page, so the node prepares the next
/// page while this one is consumed and a consumer rarely waits (at most two pages are held); a synchronous reader
/// fetches each page when it is needed.
/// </summary>
public sealed class CqlDataReader : DbDataReader
{
    private readonly StatementRunner? _statement;
    private readonly CommandBehavior _behavior;
    private readonly RowsPage.Cursor _cursor = new();
    private RowsPage? _page;
    private Task<ResponseFrame>? _nextPage;
    private bool _onRow;
    private bool _closed;
    private bool _hasRows;
    private readonly bool _singlePage;
    private byte[]? _endPagingState;

    private CqlDataReader(StatementRunner? statement, RowsPage? page, CommandBehavior behavior, bool singlePage = false)
    {
        _singlePage = singlePage;
        _statement = statement;
        _page = page;
        _behavior = behavior;
        if (page is not null)
        {
            _cursor.Reset(page);
            _hasRows = page.RowCount > 0;
        }
    }

    /// <summary>A reader over a response; <paramref name="statement"/> fetches further pages (null: a single-page result, e.g. a batch's).</summary>
    internal static CqlDataReader Create(StatementRunner? statement, ResponseFrame frame, CommandBehavior behavior, bool singlePage = false)
    {
        RowsPage? page;
        try
        {
            page = RowsPage.Read(frame, statement?.KnownColumns);
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        if (page is null)
        {
            frame.Dispose();
        }

        return new CqlDataReader(statement, page, behavior, singlePage);
    }

    /// <summary>The paging state of the next page (opaque; pass it to a later statement to resume), or null on the last page.</summary>
    /// <remarks>A single-page reader (<see cref="CqlCommand.SinglePage"/>) keeps it after its last row was read.</remarks>
    public byte[]? PagingState => _page?.PagingState ?? _endPagingState;

    /// <summary>The columns of the result.</summary>
    internal IReadOnlyList<CqlColumn> Columns => _page?.Columns ?? [];

    /// <summary>Warnings the server attached to the current page (protocol v4+).</summary>
    public IReadOnlyList<string> Warnings => _page?.Warnings ?? [];

    /// <inheritdoc />
    public override int FieldCount => Columns.Count;

    /// <inheritdoc />
    public override int RecordsAffected => -1;

    /// <inheritdoc />
    public override bool HasRows => _hasRows;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read() => ReadAsync(IOBehavior.Synchronous, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        var result = ReadAsync(IOBehavior.Asynchronous, cancellationToken);
        return result.IsCompletedSuccessfully ? (result.Result ? TrueTask : FalseTask) : result.AsTask();
    }

    private static readonly Task<bool> TrueTask = Task.FromResult(true);
    private static readonly Task<bool> FalseTask = Task.FromResult(false);

    private async ValueTask<bool> ReadAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        while (true)
        {
            if (_page is null)
            {
                _onRow = false;
                return false;
            }

            if (_cursor.MoveNext())
            {
                _onRow = true;
                // Requested at the page's first row rather than half-way: a consumer doing real work per row (EF
                // materialising tracked entities) then overlaps the node's whole page time, not half of it.
                if (io == IOBehavior.Asynchronous && !_singlePage && _nextPage is null && _statement is not null && _page.PagingState is { } state)
                {
                    _nextPage = _statement!.ExecutePageAsync(state, IOBehavior.Asynchronous, CancellationToken.None).AsTask();
                }

                return true;
            }

            _onRow = false;
            if ((_behavior & CommandBehavior.SingleRow) != 0 || _singlePage || _statement is null || _page.PagingState is not { } pagingState)
            {
                _endPagingState = _singlePage ? _page.PagingState : null;
                ReleasePage();
                return false;
            }

            ResponseFrame frame;
            if (_nextPage is { } prefetched)
            {
                // Taken only once it arrived: a cancelled wait leaves it to Close, which disposes it.
                frame = io == IOBehavior.Synchronous
                    ? prefetched.GetAwaiter().GetResult()
                    : await prefetched.WaitAsync(cancellationToken).ConfigureAwait(false);
                _nextPage = null;
            }
            else
            {
                frame = await _statement!.ExecutePageAsync(pagingState, io, cancellationToken).ConfigureAwait(false);
            }

            var columns = _page.Columns;
            ReleasePage();
            try
            {
                _page = RowsPage.Read(frame, columns);
            }
            catch
            {
                frame.Dispose();
                throw;
            }

            if (_page is null)
            {
                frame.Dispose();
                return false;
            }

            _cursor.Reset(_page);
        }
    }

    /// <inheritdoc />
    public override bool NextResult() => false;

    /// <inheritdoc />
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => FalseTask;

    /// <inheritdoc />
    public override string GetName(int ordinal) => Columns[ordinal].Name;

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        var columns = Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException($"The result has no column named '{name}'. Its columns: {string.Join(", ", columns.Select(c => c.Name))}.");
    }

    /// <summary>The CQL type of a column.</summary>
    public CqlType GetCqlType(int ordinal) => Columns[ordinal].Type;

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => Columns[ordinal].Type.ToString();

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => CqlValueCodec.GetDefaultClrType(Columns[ordinal].Type);

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal)
    {
        EnsureOnRow(ordinal);
        return IsNullCell(ordinal);
    }

    /// <summary>
    /// Null, or an empty value of a type for which Cassandra's legacy "empty" means no value (e.g. an int written as
    /// zero bytes by an old client).
    /// </summary>
    private bool IsNullCell(int ordinal)
        => _cursor.IsNull(ordinal) || CqlValueCodec.IsEmptyLegacyValue(_cursor.GetCell(ordinal), Columns[ordinal].Type);

    /// <inheritdoc />
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => IsDBNull(ordinal) ? TrueTask : FalseTask;

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        EnsureOnRow(ordinal);
        if (_cursor.IsNull(ordinal))
        {
            if (default(T) is null && typeof(T) != typeof(object))
            {
                return default!;
            }

            if (typeof(T) == typeof(object) || typeof(T) == typeof(DBNull))
            {
                return (T)(object)DBNull.Value;
            }

            throw new InvalidCastException(
                $"Column '{Columns[ordinal].Name}' is null and cannot be read as {typeof(T).Name}. Check IsDBNull first or read it as {typeof(T).Name}?.");
        }

        return CqlValueCodec.Read<T>(_cursor.GetCell(ordinal), Columns[ordinal].Type);
    }

    /// <inheritdoc />
    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => Task.FromResult(GetFieldValue<T>(ordinal));

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        EnsureOnRow(ordinal);
        return IsNullCell(ordinal) ? DBNull.Value : CqlValueCodec.ReadObject(_cursor.GetCell(ordinal), Columns[ordinal].Type);
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

#pragma warning disable CS1591 // typed getters: see GetFieldValue<T>
    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);
    public override char GetChar(int ordinal) => GetFieldValue<string>(ordinal) is { Length: 1 } s ? s[0] : throw new InvalidCastException($"Column '{GetName(ordinal)}' does not hold a single character.");
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);
    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);
    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);
    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);
    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);
#pragma warning restore CS1591

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        EnsureOnRow(ordinal);
        var cell = _cursor.GetCell(ordinal);
        if (buffer is null)
        {
            return cell.Length;
        }

        var available = Math.Max(0, cell.Length - (int)dataOffset);
        var count = Math.Min(available, length);
        cell.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = Math.Min(Math.Max(0, text.Length - (int)dataOffset), length);
        text.AsSpan((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add("ColumnName", typeof(string));
        table.Columns.Add("ColumnOrdinal", typeof(int));
        table.Columns.Add("DataType", typeof(Type));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add("BaseSchemaName", typeof(string));
        table.Columns.Add("BaseTableName", typeof(string));
        table.Columns.Add("AllowDBNull", typeof(bool));
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            table.Rows.Add(column.Name, i, GetFieldType(i), column.Type.ToString(), column.Keyspace, column.Table, true);
        }

        return table;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        ReleasePage();
        if (_nextPage is { } pending)
        {
            _nextPage = null;
            _ = pending.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception;
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private void ReleasePage()
    {
        _page?.Dispose();
        _page = null;
    }

    private void EnsureOnRow(int ordinal)
    {
        if (!_onRow)
        {
            throw new InvalidOperationException(_closed ? "The reader is closed." : "The reader is not on a row. Call Read or ReadAsync first.");
        }

        if ((uint)ordinal >= (uint)Columns.Count)
        {
            throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range; the result has {Columns.Count} columns.");
        }
    }
}
