using System.Text;
using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// Parses the Java marshal class names that Cassandra 2.x stores in <c>system.schema_columns.validator</c> and
/// <c>system.schema_columnfamilies.comparator</c>, e.g.
/// <c>org.apache.cassandra.db.marshal.MapType(org.apache.cassandra.db.marshal.UTF8Type,org.apache.cassandra.db.marshal.Int32Type)</c>,
/// into <see cref="CqlType"/>s. <c>ReversedType(...)</c> marks a DESC clustering column, <c>FrozenType(...)</c> a frozen
/// value; <c>UserType(keyspace,hex name,hex field:type,...)</c> carries a whole user-defined type with hex-encoded names.
/// </summary>
internal static class MarshalTypeParser
{
    private const string Package = "org.apache.cassandra.db.marshal.";

    /// <summary>Parses a column's validator class.</summary>
    /// <exception cref="FormatException">The text is not a well-formed marshal class name.</exception>
    public static SchemaType Parse(string className)
    {
        var parser = new Parser(className);
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>
    /// Parses a table's comparator: for a <c>CompositeType</c>, its components (clustering columns, then on
    /// tables with collections the column name's type) and the collections a trailing
    /// <c>ColumnToCollectionType(hex name:type,...)</c> lists; otherwise the one component.
    /// </summary>
    public static (IReadOnlyList<SchemaType> Components, IReadOnlyDictionary<string, CqlType> Collections) ParseComparator(string className)
    {
        var parser = new Parser(className);
        var result = parser.ParseComparator();
        parser.ExpectEnd();
        return result;
    }

    private static string ShortName(string name) => name.StartsWith(Package, StringComparison.Ordinal) ? name[Package.Length..] : name;

    private static string DecodeHex(string hex, string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            throw new FormatException($"'{hex}' in the marshal type '{text}' should be a hex-encoded name but is not hexadecimal.");
        }
    }

    private static CqlType? Simple(string shortName) => shortName switch
    {
        "AsciiType" => CqlType.Ascii,
        "LongType" => CqlType.Bigint,
        "BytesType" => CqlType.Blob,
        "BooleanType" => CqlType.Boolean,
        "CounterColumnType" => CqlType.Counter,
        "DecimalType" => CqlType.Decimal,
        "DoubleType" => CqlType.Double,
        "FloatType" => CqlType.Float,
        "Int32Type" => CqlType.Int,
        "DateType" or "TimestampType" => CqlType.Timestamp,
        "UUIDType" => CqlType.Uuid,
        "UTF8Type" => CqlType.Text,
        "IntegerType" => CqlType.Varint,
        "TimeUUIDType" => CqlType.Timeuuid,
        "InetAddressType" => CqlType.Inet,
        "SimpleDateType" => CqlType.Date,
        "TimeType" => CqlType.Time,
        "ShortType" => CqlType.Smallint,
        "ByteType" => CqlType.Tinyint,
        "DurationType" => CqlType.Duration,
        _ => null,
    };

    private ref struct Parser(string text)
    {
        private TypeTextCursor _cursor = new(text, "marshal type");

        public SchemaType ParseType()
        {
            var start = _cursor.Position;
            var name = ReadName();
            var shortName = ShortName(name);
            if (!_cursor.TryConsume('('))
            {
                return new(Simple(shortName) ?? CqlType.Custom(name));
            }

            switch (shortName)
            {
                case "ReversedType":
                {
                    var inner = ParseType();
                    _cursor.Expect(')');
                    return inner with { IsReversed = true };
                }

                case "FrozenType":
                {
                    var inner = ParseType();
                    _cursor.Expect(')');
                    return inner with { IsFrozen = true };
                }

                case "ListType" or "SetType":
                {
                    var element = ParseType().Type;
                    _cursor.Expect(')');
                    return new(shortName == "ListType" ? CqlType.List(element) : CqlType.Set(element));
                }

                case "MapType":
                {
                    var key = ParseType().Type;
                    _cursor.Expect(',');
                    var value = ParseType().Type;
                    _cursor.Expect(')');
                    return new(CqlType.Map(key, value));
                }

                case "TupleType":
                {
                    var components = new List<CqlType>();
                    do
                    {
                        components.Add(ParseType().Type);
                    }
                    while (_cursor.TryConsume(','));
                    _cursor.Expect(')');
                    return new(CqlType.Tuple([.. components]));
                }

                case "UserType":
                    return new(ParseUserType());

                case "VectorType":
                {
                    var element = ParseType().Type;
                    _cursor.Expect(',');
                    var dimension = ReadName();
                    _cursor.Expect(')');
                    if (!int.TryParse(dimension, out var n) || n < 1)
                    {
                        throw _cursor.Error($"the dimension '{dimension}' of a VectorType is not a positive number");
                    }

                    return new(CqlType.Vector(element, n));
                }

                case "CompositeType" or "ColumnToCollectionType":
                    throw _cursor.Error($"{shortName} describes a table's cell names, not a column's values");

                default:
                    // A custom type with parameters (DynamicCompositeType(...), a user's class): keep its whole text.
                    SkipToClosingParenthesis();
                    return new(CqlType.Custom(_cursor.Text[start.._cursor.Position].Trim()));
            }
        }

        public (IReadOnlyList<SchemaType>, IReadOnlyDictionary<string, CqlType>) ParseComparator()
        {
            var collections = new Dictionary<string, CqlType>(StringComparer.Ordinal);
            var save = _cursor.Position;
            if (ShortName(ReadName()) != "CompositeType" || !_cursor.TryConsume('('))
            {
                _cursor.Position = save;
                return ([ParseType()], collections);
            }

            var components = new List<SchemaType>();
            do
            {
                save = _cursor.Position;
                if (ShortName(ReadName()) == "ColumnToCollectionType" && _cursor.TryConsume('('))
                {
                    do
                    {
                        var name = DecodeHex(ReadName(), _cursor.Text);
                        _cursor.Expect(':');
                        collections[name] = ParseType().Type;
                    }
                    while (_cursor.TryConsume(','));
                    _cursor.Expect(')');
                    continue;
                }

                _cursor.Position = save;
                components.Add(ParseType());
            }
            while (_cursor.TryConsume(','));
            _cursor.Expect(')');
            return (components, collections);
        }

        public readonly void ExpectEnd()
        {
            if (_cursor.Position != _cursor.Text.Length)
            {
                throw _cursor.Error($"unexpected '{_cursor.Text[_cursor.Position..]}' after the type");
            }
        }

        private CqlType ParseUserType()
        {
            // UserType(keyspace,hex(name),hex(field1):type1,hex(field2):type2,...)
            var keyspace = ReadName();
            _cursor.Expect(',');
            var name = DecodeHex(ReadName(), _cursor.Text);
            var fields = new List<KeyValuePair<string, CqlType>>();
            while (_cursor.TryConsume(','))
            {
                var field = DecodeHex(ReadName(), _cursor.Text);
                _cursor.Expect(':');
                fields.Add(new(field, ParseType().Type));
            }

            _cursor.Expect(')');
            return CqlType.Udt(keyspace, name, fields);
        }

        private string ReadName()
        {
            _cursor.SkipSpaces();
            var start = _cursor.Position;
            while (_cursor.Position < _cursor.Text.Length && _cursor.Text[_cursor.Position] is not ('(' or ')' or ',' or ':'))
            {
                _cursor.Position++;
            }

            var name = _cursor.Text[start.._cursor.Position].Trim();
            if (name.Length == 0)
            {
                throw _cursor.Error(_cursor.Position < _cursor.Text.Length ? $"a name was expected at '{_cursor.Text[_cursor.Position]}'" : "the text ends where a name was expected");
            }

            return name;
        }

        private void SkipToClosingParenthesis()
        {
            for (var depth = 1; _cursor.Position < _cursor.Text.Length; _cursor.Position++)
            {
                if (_cursor.Text[_cursor.Position] == '(')
                {
                    depth++;
                }
                else if (_cursor.Text[_cursor.Position] == ')' && --depth == 0)
                {
                    _cursor.Position++;
                    return;
                }
            }

            throw _cursor.Error("a parenthesis is not closed");
        }

    }
}
