using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// One row of a schema table, its cells decoded to their default CLR types by column name. Schema tables differ
/// between Cassandra versions (columns come and go), so every getter tolerates a missing column.
/// </summary>
internal sealed class SchemaRow(IReadOnlyDictionary<string, object?> cells)
{
    public object? this[string column] => cells.GetValueOrDefault(column);

    /// <summary>A text cell that must be present, such as the name columns of the primary key.</summary>
    public string GetRequiredString(string column)
        => this[column] as string
            ?? throw new CqlProtocolViolationException($"A schema table row has no value in its '{column}' column, which every row should have.");

    public string? GetString(string column) => this[column] as string;

    public int GetInt32(string column, int defaultValue = 0) => this[column] switch
    {
        int i => i,
        long l => (int)l,
        _ => defaultValue,
    };

    public int? GetNullableInt32(string column) => this[column] is int i ? i : null;

    public double GetDouble(string column) => this[column] switch
    {
        double d => d,
        float f => f,
        _ => 0,
    };

    public bool GetBoolean(string column, bool defaultValue) => this[column] is bool b ? b : defaultValue;

    /// <summary>A list&lt;text&gt; or set&lt;text&gt; cell; empty when absent.</summary>
    public IReadOnlyList<string> GetStringList(string column)
        => this[column] is IEnumerable items and not string ? items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty).ToArray() : [];

    /// <summary>A map&lt;text, text&gt; cell (3.0+); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> GetStringMap(string column)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (this[column] is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                map[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
            }
        }

        return map;
    }

    /// <summary>A text cell holding a JSON array of strings (2.x key and column aliases, e.g. <c>["key"]</c>); empty when absent.</summary>
    public IReadOnlyList<string> GetJsonList(string column)
    {
        if (this[column] is not string { Length: > 0 } json)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException ex)
        {
            throw new CqlProtocolViolationException(
                string.Create(CultureInfo.InvariantCulture, $"The schema table column '{column}' should hold a JSON array of strings but holds '{json}': {ex.Message}"));
        }
    }

    /// <summary>
    /// A text cell holding a JSON object (2.x stores option maps so, e.g. <c>{"replication_factor":"1"}</c>); values that
    /// are not strings keep their JSON text. Empty when absent or not a JSON object.
    /// </summary>
    public IReadOnlyDictionary<string, string> GetJsonMap(string column)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (this[column] is not string { Length: > 0 } json)
        {
            return map;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return map;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException ex)
        {
            throw new CqlProtocolViolationException(
                string.Create(CultureInfo.InvariantCulture, $"The schema table column '{column}' should hold a JSON object but holds '{json}': {ex.Message}"));
        }

        return map;
    }
}
