namespace CqlConnector.Serialization;

/// <summary>Quoting of CQL identifiers (keyspace, table, column names).</summary>
public static class CqlIdentifier
{
    /// <summary>Quotes an identifier with double quotes, doubling any inside, so that its case and characters are kept.</summary>
    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
