using System.Text;
using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// Parses the CQL type strings that Cassandra 3.0 and later store in <c>system_schema.columns.type</c> and
/// <c>system_schema.types.field_types</c>, e.g. <c>frozen&lt;map&lt;text, list&lt;int&gt;&gt;&gt;</c>,
/// <c>tuple&lt;int, text&gt;</c>, <c>vector&lt;float, 3&gt;</c>, <c>'org.example.MyType'</c> or the name of a
/// user-defined type (quoted when its case matters), which the caller's resolver turns into its type.
/// </summary>
internal static class CqlTypeStringParser
{
    /// <summary>Parses a type string.</summary>
    /// <param name="text">The type as the schema table stores it.</param>
    /// <param name="resolveUserType">Returns the user-defined type of a name (unquoted), or null when there is none.</param>
    /// <exception cref="FormatException">The text is not a well-formed CQL type, or names an unknown user-defined type.</exception>
    public static SchemaType Parse(string text, Func<string, CqlType?> resolveUserType)
    {
        var parser = new Parser(text, resolveUserType);
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    private static CqlType? Simple(string name) => name switch
    {
        "ascii" => CqlType.Ascii,
        "bigint" => CqlType.Bigint,
        "blob" => CqlType.Blob,
        "boolean" => CqlType.Boolean,
        "counter" => CqlType.Counter,
        "date" => CqlType.Date,
        "decimal" => CqlType.Decimal,
        "double" => CqlType.Double,
        "duration" => CqlType.Duration,
        "float" => CqlType.Float,
        "inet" => CqlType.Inet,
        "int" => CqlType.Int,
        "smallint" => CqlType.Smallint,
        "text" or "varchar" => CqlType.Text,
        "time" => CqlType.Time,
        "timestamp" => CqlType.Timestamp,
        "timeuuid" => CqlType.Timeuuid,
        "tinyint" => CqlType.Tinyint,
        "uuid" => CqlType.Uuid,
        "varint" => CqlType.Varint,
        _ => null,
    };

    private ref struct Parser(string text, Func<string, CqlType?> resolveUserType)
    {
        private TypeTextCursor _cursor = new(text, "CQL type");
        private readonly Func<string, CqlType?> _resolveUserType = resolveUserType;

        public SchemaType ParseType()
        {
            _cursor.SkipSpaces();
            if (_cursor.Peek() == '\'')
            {
                return new(CqlType.Custom(ReadQuoted('\'')));
            }

            var quoted = _cursor.Peek() == '"';
            var name = quoted ? ReadQuoted('"') : ReadIdentifier();
            if (!quoted)
            {
                // Unquoted names are case-insensitive in CQL; the keywords are stored in lower case.
                var lower = name.ToLowerInvariant();
                switch (lower)
                {
                    case "frozen":
                    {
                        _cursor.Expect('<');
                        var inner = ParseType();
                        _cursor.Expect('>');
                        return inner with { IsFrozen = true };
                    }

                    case "list" or "set" when _cursor.TryConsume('<'):
                    {
                        var element = ParseType().Type;
                        _cursor.Expect('>');
                        return new(lower == "list" ? CqlType.List(element) : CqlType.Set(element));
                    }

                    case "map" when _cursor.TryConsume('<'):
                    {
                        var key = ParseType().Type;
                        _cursor.Expect(',');
                        var value = ParseType().Type;
                        _cursor.Expect('>');
                        return new(CqlType.Map(key, value));
                    }

                    case "tuple" when _cursor.TryConsume('<'):
                    {
                        var components = new List<CqlType>();
                        do
                        {
                            components.Add(ParseType().Type);
                        }
                        while (_cursor.TryConsume(','));
                        _cursor.Expect('>');
                        return new(CqlType.Tuple([.. components]));
                    }

                    case "vector" when _cursor.TryConsume('<'):
                    {
                        var element = ParseType().Type;
                        _cursor.Expect(',');
                        _cursor.SkipSpaces();
                        var dimension = ReadIdentifier();
                        _cursor.Expect('>');
                        if (!int.TryParse(dimension, out var n) || n < 1)
                        {
                            throw _cursor.Error($"the dimension '{dimension}' of a vector is not a positive number");
                        }

                        return new(CqlType.Vector(element, n));
                    }
                }

                if (Simple(lower) is { } simple)
                {
                    return new(simple);
                }

                name = lower;
            }

            return new(_resolveUserType(name)
                ?? throw new FormatException($"The schema type '{_cursor.Text}' names the user-defined type '{name}', which is not among the keyspace's types. The schema may be changing; read the metadata again once schema agreement is reached."));
        }

        public readonly void ExpectEnd()
        {
            var rest = _cursor.Text.AsSpan(_cursor.Position).Trim();
            if (!rest.IsEmpty)
            {
                throw _cursor.Error($"unexpected '{rest}' after the type");
            }
        }

        private string ReadIdentifier()
        {
            var start = _cursor.Position;
            while (_cursor.Position < _cursor.Text.Length && (char.IsLetterOrDigit(_cursor.Text[_cursor.Position]) || _cursor.Text[_cursor.Position] is '_' or '.'))
            {
                _cursor.Position++;
            }

            if (_cursor.Position == start)
            {
                throw _cursor.Error(_cursor.Position < _cursor.Text.Length ? $"a type name was expected at '{_cursor.Text[_cursor.Position]}'" : "the text ends where a type name was expected");
            }

            return _cursor.Text[start.._cursor.Position];
        }

        private string ReadQuoted(char quote)
        {
            // CQL doubles a quote to escape it inside a quoted name or string.
            var builder = new StringBuilder();
            _cursor.Position++;
            while (_cursor.Position < _cursor.Text.Length)
            {
                var c = _cursor.Text[_cursor.Position++];
                if (c != quote)
                {
                    builder.Append(c);
                }
                else if (_cursor.Peek() == quote)
                {
                    builder.Append(quote);
                    _cursor.Position++;
                }
                else
                {
                    return builder.ToString();
                }
            }

            throw _cursor.Error($"a {quote} is not closed");
        }

    }
}
