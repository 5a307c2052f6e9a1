using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector;

/// <summary>
/// A row of a <see cref="CqlPage"/>: a view into the page's received buffer (no allocation), whose values are decoded
/// when read. It is valid until its page is released (the result set moved past the page, or was disposed); to keep
/// a row longer, <see cref="Detach"/> it (copies its bytes) or <see cref="ToArray"/> it (decodes every value).
/// </summary>
public readonly struct CqlRow
{
    private readonly CqlPage? _page;
    private readonly int _row;

    internal CqlRow(CqlPage page, int row)
    {
        _page = page;
        _row = row;
    }

    private CqlPage Page => _page ?? throw new InvalidOperationException("This CqlRow is default: it belongs to no page.");

    /// <summary>The number of columns.</summary>
    public int FieldCount => Page.ProtocolColumns.Count;

    /// <summary>The columns of the row.</summary>
    public IReadOnlyList<CqlColumnDefinition> Columns => Page.Columns;

    /// <summary>The value of a column as its default CLR type (see <see cref="CqlType"/>), or null.</summary>
    public object? this[int ordinal] => GetValue(ordinal);

    /// <summary>The value of a column as its default CLR type, or null.</summary>
    public object? this[string name] => GetValue(GetOrdinal(name));

    /// <summary>
    /// Whether the column is null (or holds Cassandra's legacy empty value for a type that has none, e.g. an int of
    /// zero bytes).
    /// </summary>
    public bool IsNull(int ordinal)
    {
        var page = Page;
        CheckOrdinal(page, ordinal);
        return page.IsNull(_row, ordinal) || CqlValueCodec.IsEmptyLegacyValue(page.GetCell(_row, ordinal), page.ProtocolColumns[ordinal].Type);
    }

    /// <summary>Whether the named column is null.</summary>
    public bool IsNull(string name) => IsNull(GetOrdinal(name));

    /// <summary>
    /// Decodes a column as <typeparamref name="T"/>. A null reads as null (or default) for a reference or nullable
    /// type; a non-nullable value type cannot hold it.
    /// </summary>
    /// <exception cref="InvalidCastException">The column's CQL type cannot be read as <typeparamref name="T"/>, or it is null and <typeparamref name="T"/> cannot be.</exception>
    public T Get<T>(int ordinal)
    {
        var page = Page;
        CheckOrdinal(page, ordinal);
        var type = page.ProtocolColumns[ordinal].Type;
        if (page.IsNull(_row, ordinal))
        {
            return NullAs<T>(page, ordinal);
        }

        var cell = page.GetCell(_row, ordinal);
        if (default(T) is not null && CqlValueCodec.IsEmptyLegacyValue(cell, type))
        {
            return NullAs<T>(page, ordinal);
        }

        return CqlValueCodec.Read<T>(cell, type);
    }

    /// <summary>Decodes the named column as <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => Get<T>(GetOrdinal(name));

    /// <summary>The value of a column as its default CLR type, or null.</summary>
    public object? GetValue(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return null;
        }

        var page = Page;
        return CqlValueCodec.ReadObject(page.GetCell(_row, ordinal), page.ProtocolColumns[ordinal].Type);
    }

    /// <summary>The ordinal of a column: an exact match first, then one ignoring case.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public int GetOrdinal(string name)
    {
        var columns = Page.ProtocolColumns;
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

        throw new ArgumentException($"The row has no column named '{name}'. Its columns: {string.Join(", ", columns.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>Copies the row's bytes so that it stays readable after its page is released (values still decode lazily).</summary>
    public CqlRow Detach() => Page.Detach(_row);

    /// <summary>Decodes every value (each as its default CLR type, or null).</summary>
    public object?[] ToArray()
    {
        var values = new object?[FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetValue(i);
        }

        return values;
    }

    private static void CheckOrdinal(CqlPage page, int ordinal)
    {
        if ((uint)ordinal >= (uint)page.ProtocolColumns.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"The row has {page.ProtocolColumns.Count} column(s).");
        }
    }

    private static T NullAs<T>(CqlPage page, int ordinal)
    {
        if (default(T) is null)
        {
            return default!;
        }

        throw new InvalidCastException(
            $"Column '{page.ProtocolColumns[ordinal].Name}' is null and cannot be read as {typeof(T).Name}. Read it as {typeof(T).Name}? or check IsNull first.");
    }
}
