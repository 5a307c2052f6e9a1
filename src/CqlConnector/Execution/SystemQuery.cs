using CqlConnector.Connections;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Execution;

/// <summary>
/// Runs a small query of the driver's own (system tables) on one connection and returns its rows decoded into
/// column-name lookups. Meant for the control plane (topology, schema), not for user data.
/// </summary>
internal static class SystemQuery
{
    public static async ValueTask<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadRowsAsync(
        CqlPhysicalConnection connection, string cql, TimeSpan timeout, IOBehavior io, CancellationToken cancellationToken)
    {
        var request = new QueryRequest(cql, new QueryParameters { Consistency = ConsistencyLevel.One });
        using var frame = await connection.SendAsync(request, timeout, io, cancellationToken).ConfigureAwait(false);
        using var page = RowsPage.Read(frame, null);
        if (page is null)
        {
            return [];
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>(page.RowCount);
        DecodeRows(page, rows);
        return rows;
    }

    /// <summary>Decodes every row of <paramref name="page"/> into a column-name lookup (null for null or legacy-empty cells).</summary>
    public static void DecodeRows(RowsPage page, List<IReadOnlyDictionary<string, object?>> rows)
    {
        var cursor = new RowsPage.Cursor(page);
        while (cursor.MoveNext())
        {
            var row = new Dictionary<string, object?>(page.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < page.Columns.Count; i++)
            {
                var column = page.Columns[i];
                row[column.Name] = cursor.IsNull(i) || CqlValueCodec.IsEmptyLegacyValue(cursor.GetCell(i), column.Type)
                    ? null
                    : CqlValueCodec.ReadObject(cursor.GetCell(i), column.Type);
            }

            rows.Add(row);
        }
    }
}
