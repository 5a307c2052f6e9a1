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
        private readonly string _text = text;
        private readonly Func<string, CqlType?> _resolveUserType = resolveUserType;
        private int _position;

        public SchemaType ParseType()
        {
            SkipSpaces();
            if (Peek() == '\'')
            {
                return new(CqlType.Custom(ReadQuoted('\'')));
            }

            var quoted = Peek() == '"';
            var name = quoted ? ReadQuoted('"') : ReadIdentifier();
            if (!quoted)
            {
                // Unquoted names are case-insensitive in CQL; the keywords are stored in lower case.
                var lower = name.ToLowerInvariant();
                switch (lower)
                {
                    case "frozen":
                    {
                        Expect('<');
                        var inner = ParseType();
                        Expect('>');
                        return inner with { IsFrozen = true };
                    }

                    case "list" or "set" when TryConsume('<'):
                    {
                        var element = ParseType().Type;
                        Expect('>');
                        return new(lower == "list" ? CqlType.List(element) : CqlType.Set(element));
                    }

                    case "map" when TryConsume('<'):
                    {
                        var key = ParseType().Type;
                        Expect(',');
                        var value = ParseType().Type;
                        Expect('>');
                        return new(CqlType.Map(key, value));
                    }

                    case "tuple" when TryConsume('<'):
                    {
                        var components = new List<CqlType>();
                        do
                        {
                            components.Add(ParseType().Type);
                        }
                        while (TryConsume(','));
                        Expect('>');
                        return new(CqlType.Tuple([.. components]));
                    }

                    case "vector" when TryConsume('<'):
                    {
                        var element = ParseType().Type;
                        Expect(',');
                        SkipSpaces();
                        var dimension = ReadIdentifier();
                        Expect('>');
                        if (!int.TryParse(dimension, out var n) || n < 1)
                        {
                            throw Error($"the dimension '{dimension}' of a vector is not a positive number");
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
                ?? throw new FormatException($"The schema type '{_text}' names the user-defined type '{name}', which is not among the keyspace's types. The schema may be changing; read the metadata again once schema agreement is reached."));
        }

        public readonly void ExpectEnd()
        {
            var rest = _text.AsSpan(_position).Trim();
            if (!rest.IsEmpty)
            {
                throw Error($"unexpected '{rest}' after the type");
            }
        }

        private readonly char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private string ReadIdentifier()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error(_position < _text.Length ? $"a type name was expected at '{_text[_position]}'" : "the text ends where a type name was expected");
            }

            return _text[start.._position];
        }

        private string ReadQuoted(char quote)
        {
            // CQL doubles a quote to escape it inside a quoted name or string.
            var builder = new StringBuilder();
            _position++;
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c != quote)
                {
                    builder.Append(c);
                }
                else if (Peek() == quote)
                {
                    builder.Append(quote);
                    _position++;
                }
                else
                {
                    return builder.ToString();
                }
            }

            throw Error($"a {quote} is not closed");
        }

        private bool TryConsume(char c)
        {
            SkipSpaces();
            if (Peek() == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw Error(_position < _text.Length ? $"'{c}' was expected at '{_text[_position]}'" : $"'{c}' was expected at the end");
            }
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private readonly FormatException Error(string what)
            => new($"The CQL type '{_text}' from the schema tables could not be parsed: {what} (position {_position}). This client may not know this type; please report it with the node's version.");
    }
}
