namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>Parses a Cassandra release version (<c>2.1.0</c>, <c>4.1.3</c>, <c>5.0-beta1</c>).</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlServerVersion
{
    /// <summary>The version, or null when <paramref name="text"/> is not one.</summary>
    public static Version? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        var numeric = text[..end].TrimEnd('.');
        if (!numeric.Contains('.', StringComparison.Ordinal))
        {
            numeric += ".0";
        }

        return Version.TryParse(numeric, out var version) ? version : null;
    }
}
