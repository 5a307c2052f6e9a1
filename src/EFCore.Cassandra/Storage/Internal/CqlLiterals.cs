using System.Globalization;
using System.Text;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// CQL literal syntax for the values the type mappings print (in <c>ToQueryString</c>, seed data and constants).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public static class CqlLiterals
{
    /// <summary>A string constant: single-quoted, an embedded quote doubled.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            builder.Append(c == '\'' ? "''" : c);
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>
    /// A blob constant: <c>0x</c> and lower-case hex. CQL's blob syntax needs at least one hex digit, so the empty blob
    /// is written as the conversion of an empty string.
    /// </summary>
    public static string Blob(ReadOnlySpan<byte> value)
        => value.IsEmpty ? "textAsBlob('')" : "0x" + Convert.ToHexStringLower(value);

    /// <summary>
    /// A timestamp constant: the instant in UTC with millisecond precision (CQL's precision), in the ISO 8601 form with
    /// an RFC 822 offset that every Cassandra version parses. A <see cref="DateTimeKind.Unspecified"/> value is taken
    /// as UTC; a local one is converted.
    /// </summary>
    public static string Timestamp(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };

        return "'" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000'";
    }

    /// <summary>A timestamp constant for an offset date/time: its instant, written in UTC.</summary>
    public static string Timestamp(DateTimeOffset value) => Timestamp(value.UtcDateTime);

    /// <summary>A double constant, including CQL's NaN and Infinity literals.</summary>
    public static string Double(double value)
        => double.IsNaN(value) ? "NaN"
            : double.IsPositiveInfinity(value) ? "Infinity"
            : double.IsNegativeInfinity(value) ? "-Infinity"
            : WithFraction(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A float constant, including CQL's NaN and Infinity literals.</summary>
    public static string Float(float value)
        => float.IsNaN(value) ? "NaN"
            : float.IsPositiveInfinity(value) ? "Infinity"
            : float.IsNegativeInfinity(value) ? "-Infinity"
            : WithFraction(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A decimal constant.</summary>
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean constant.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>A uuid constant: CQL writes uuids unquoted.</summary>
    public static string Uuid(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads back a CQL map literal of quoted strings and bare numbers, as the fluent API writes it
    /// (<c>{'name': 'text', 'other': 12}</c>): the entries in order, quotes removed; null when the text is anything else.
    /// </summary>
    public static List<(string Name, string Value)>? ParseMap(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        literal = literal.Trim();
        if (literal.Length < 2 || literal[0] != '{' || literal[^1] != '}')
        {
            return null;
        }

        var entries = new List<(string, string)>();
        var position = 1;
        while (true)
        {
            SkipSpaces(literal, ref position);
            if (position < literal.Length && literal[position] == '}' && entries.Count == 0)
            {
                return entries;
            }

            if (ReadTerm(literal, ref position) is not { } name)
            {
                return null;
            }

            SkipSpaces(literal, ref position);
            if (position >= literal.Length || literal[position++] != ':')
            {
                return null;
            }

            SkipSpaces(literal, ref position);
            if (ReadTerm(literal, ref position) is not { } value)
            {
                return null;
            }

            entries.Add((name, value));
            SkipSpaces(literal, ref position);
            if (position >= literal.Length)
            {
                return null;
            }

            switch (literal[position++])
            {
                case ',':
                    continue;
                case '}':
                    return position == literal.Length ? entries : null;
                default:
                    return null;
            }
        }

        static void SkipSpaces(string text, ref int position)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        // A quoted string ('' escapes a quote) or a bare number.
        static string? ReadTerm(string text, ref int position)
        {
            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] != '\'')
            {
                var start = position;
                while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '-' or '.'))
                {
                    position++;
                }

                return position > start ? text[start..position] : null;
            }

            var builder = new StringBuilder();
            position++;
            while (position < text.Length)
            {
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        builder.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return builder.ToString();
                }

                builder.Append(text[position++]);
            }

            return null;
        }
    }

    // "1" would be an integer constant; "1.0" is unambiguously a floating-point one.
    private static string WithFraction(string literal)
        => literal.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? literal : literal + ".0";
}
