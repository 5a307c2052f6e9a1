using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>A column of a result, or a bind marker of a prepared statement: where it comes from, its name and CQL type.</summary>
/// <param name="Keyspace">The keyspace of the table.</param>
/// <param name="Table">The table.</param>
/// <param name="Name">The column (or bind marker) name.</param>
/// <param name="Type">The CQL type.</param>
public sealed record CqlColumnDefinition(string Keyspace, string Table, string Name, CqlType Type)
{
    internal static CqlColumnDefinition[] From(IReadOnlyList<Protocol.Responses.CqlColumn> columns)
    {
        var definitions = new CqlColumnDefinition[columns.Count];
        for (var i = 0; i < definitions.Length; i++)
        {
            var c = columns[i];
            definitions[i] = new CqlColumnDefinition(c.Keyspace, c.Table, c.Name, c.Type);
        }

        return definitions;
    }
}
