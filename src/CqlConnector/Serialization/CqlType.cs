using System.Text;

namespace CqlConnector.Serialization;

/// <summary>
/// A CQL column type as the protocol describes it: a type code, and for collections, tuples, user-defined types and
/// vectors the types they are made of. Instances are immutable; the simple types are shared singletons.
/// </summary>
public sealed class CqlType : IEquatable<CqlType>
{
    private const string VectorClass = "org.apache.cassandra.db.marshal.VectorType";
    private const string DurationClass = "org.apache.cassandra.db.marshal.DurationType";

    private CqlType(CqlTypeCode code, IReadOnlyList<CqlType>? arguments = null)
    {
        Code = code;
        Arguments = arguments ?? [];
    }

    /// <summary>The protocol type code.</summary>
    public CqlTypeCode Code { get; }

    /// <summary>Element types: one for list, set and vector; key and value for map; each component for tuple.</summary>
    public IReadOnlyList<CqlType> Arguments { get; }

    /// <summary>For a custom type: its Java class name (with parameters).</summary>
    public string? CustomClassName { get; private init; }

    /// <summary>For a user-defined type: its keyspace.</summary>
    public string? Keyspace { get; private init; }

    /// <summary>For a user-defined type: its name.</summary>
    public string? Name { get; private init; }

    /// <summary>For a user-defined type: its fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, CqlType>> Fields { get; private init; } = [];

    /// <summary>For a vector: the number of elements.</summary>
    public int Dimension { get; private init; }

    /// <summary>Whether this is a vector (a custom type on the wire).</summary>
    public bool IsVector => Dimension > 0;

#pragma warning disable CS1591 // the simple types are self-describing
    public static CqlType Ascii { get; } = new(CqlTypeCode.Ascii);
    public static CqlType Bigint { get; } = new(CqlTypeCode.Bigint);
    public static CqlType Blob { get; } = new(CqlTypeCode.Blob);
    public static CqlType Boolean { get; } = new(CqlTypeCode.Boolean);
    public static CqlType Counter { get; } = new(CqlTypeCode.Counter);
    public static CqlType Decimal { get; } = new(CqlTypeCode.Decimal);
    public static CqlType Double { get; } = new(CqlTypeCode.Double);
    public static CqlType Float { get; } = new(CqlTypeCode.Float);
    public static CqlType Int { get; } = new(CqlTypeCode.Int);
    public static CqlType Timestamp { get; } = new(CqlTypeCode.Timestamp);
    public static CqlType Uuid { get; } = new(CqlTypeCode.Uuid);
    public static CqlType Text { get; } = new(CqlTypeCode.Varchar);
    public static CqlType Varint { get; } = new(CqlTypeCode.Varint);
    public static CqlType Timeuuid { get; } = new(CqlTypeCode.Timeuuid);
    public static CqlType Inet { get; } = new(CqlTypeCode.Inet);
    public static CqlType Date { get; } = new(CqlTypeCode.Date);
    public static CqlType Time { get; } = new(CqlTypeCode.Time);
    public static CqlType Smallint { get; } = new(CqlTypeCode.Smallint);
    public static CqlType Tinyint { get; } = new(CqlTypeCode.Tinyint);
    public static CqlType Duration { get; } = new(CqlTypeCode.Duration);
#pragma warning restore CS1591

    /// <summary>list&lt;<paramref name="element"/>&gt;.</summary>
    public static CqlType List(CqlType element) => new(CqlTypeCode.List, [element]);

    /// <summary>set&lt;<paramref name="element"/>&gt;.</summary>
    public static CqlType Set(CqlType element) => new(CqlTypeCode.Set, [element]);

    /// <summary>map&lt;<paramref name="key"/>, <paramref name="value"/>&gt;.</summary>
    public static CqlType Map(CqlType key, CqlType value) => new(CqlTypeCode.Map, [key, value]);

    /// <summary>tuple&lt;...&gt;.</summary>
    public static CqlType Tuple(params CqlType[] components) => new(CqlTypeCode.Tuple, components);

    /// <summary>A user-defined type.</summary>
    public static CqlType Udt(string keyspace, string name, IReadOnlyList<KeyValuePair<string, CqlType>> fields)
        => new(CqlTypeCode.Udt) { Keyspace = keyspace, Name = name, Fields = fields };

    /// <summary>vector&lt;<paramref name="element"/>, <paramref name="dimension"/>&gt;.</summary>
    public static CqlType Vector(CqlType element, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return new(CqlTypeCode.Custom, [element])
        {
            Dimension = dimension,
            CustomClassName = $"{VectorClass}({MarshalClassName(element)}, {dimension})",
        };
    }

    /// <summary>A custom type known only by its Java class name.</summary>
    public static CqlType Custom(string className)
    {
        if (className == DurationClass)
        {
            return Duration;
        }

        return TryParseVector(className) ?? new CqlType(CqlTypeCode.Custom) { CustomClassName = className };
    }

    /// <summary>The simple type of a code that has no parameters.</summary>
    public static CqlType FromCode(CqlTypeCode code) => code switch
    {
        CqlTypeCode.Ascii => Ascii,
        CqlTypeCode.Bigint => Bigint,
        CqlTypeCode.Blob => Blob,
        CqlTypeCode.Boolean => Boolean,
        CqlTypeCode.Counter => Counter,
        CqlTypeCode.Decimal => Decimal,
        CqlTypeCode.Double => Double,
        CqlTypeCode.Float => Float,
        CqlTypeCode.Int => Int,
        CqlTypeCode.Timestamp => Timestamp,
        CqlTypeCode.Uuid => Uuid,
        CqlTypeCode.Varchar => Text,
        CqlTypeCode.Varint => Varint,
        CqlTypeCode.Timeuuid => Timeuuid,
        CqlTypeCode.Inet => Inet,
        CqlTypeCode.Date => Date,
        CqlTypeCode.Time => Time,
        CqlTypeCode.Smallint => Smallint,
        CqlTypeCode.Tinyint => Tinyint,
        CqlTypeCode.Duration => Duration,
        _ => throw new ArgumentException($"CQL type code 0x{(int)code:X4} has parameters; build it with its factory method.", nameof(code)),
    };

    /// <summary>Reads an [option] type specification from result metadata.</summary>
    internal static CqlType Read(ref CqlReader reader)
    {
        var code = (CqlTypeCode)reader.ReadUInt16();
        switch (code)
        {
            case CqlTypeCode.Custom:
                return Custom(reader.ReadString());
            case CqlTypeCode.List:
                return List(Read(ref reader));
            case CqlTypeCode.Set:
                return Set(Read(ref reader));
            case CqlTypeCode.Map:
                var key = Read(ref reader);
                return Map(key, Read(ref reader));
            case CqlTypeCode.Udt:
                var keyspace = reader.ReadString();
                var name = reader.ReadString();
                int fieldCount = reader.ReadUInt16();
                var fields = new KeyValuePair<string, CqlType>[fieldCount];
                for (var i = 0; i < fieldCount; i++)
                {
                    var fieldName = reader.ReadString();
                    fields[i] = new(fieldName, Read(ref reader));
                }

                return Udt(keyspace, name, fields);
            case CqlTypeCode.Tuple:
                int count = reader.ReadUInt16();
                var components = new CqlType[count];
                for (var i = 0; i < count; i++)
                {
                    components[i] = Read(ref reader);
                }

                return Tuple(components);
            default:
                if (!Enum.IsDefined(code))
                {
                    throw new CqlProtocolViolationException($"The server described a column with the unknown type code 0x{(int)code:X4}.");
                }

                return FromCode(code);
        }
    }

    /// <summary>Writes this type as an [option] (used by tests and by the in-process fake server).</summary>
    internal void Write(CqlBufferWriter writer)
    {
        if (IsVector || (Code == CqlTypeCode.Custom))
        {
            writer.WriteUInt16((ushort)CqlTypeCode.Custom);
            writer.WriteString(CustomClassName!);
            return;
        }

        writer.WriteUInt16((ushort)Code);
        switch (Code)
        {
            case CqlTypeCode.List or CqlTypeCode.Set:
                Arguments[0].Write(writer);
                break;
            case CqlTypeCode.Map:
                Arguments[0].Write(writer);
                Arguments[1].Write(writer);
                break;
            case CqlTypeCode.Tuple:
                writer.WriteUInt16((ushort)Arguments.Count);
                foreach (var component in Arguments)
                {
                    component.Write(writer);
                }

                break;
            case CqlTypeCode.Udt:
                writer.WriteString(Keyspace!);
                writer.WriteString(Name!);
                writer.WriteUInt16((ushort)Fields.Count);
                foreach (var (name, type) in Fields)
                {
                    writer.WriteString(name);
                    type.Write(writer);
                }

                break;
        }
    }

    /// <summary>The type as CQL writes it, e.g. <c>map&lt;text, frozen&lt;list&lt;int&gt;&gt;&gt;</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendCql(builder, nested: false);
        return builder.ToString();
    }

    private void AppendCql(StringBuilder builder, bool nested)
    {
        switch (Code)
        {
            case CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map or CqlTypeCode.Tuple or CqlTypeCode.Udt when nested:
                // Collections, tuples and UDTs inside another type must be frozen in CQL.
                builder.Append("frozen<");
                AppendCql(builder, nested: false);
                builder.Append('>');
                return;
            case CqlTypeCode.List or CqlTypeCode.Set or CqlTypeCode.Map or CqlTypeCode.Tuple:
                builder.Append(Code switch
                {
                    CqlTypeCode.List => "list<",
                    CqlTypeCode.Set => "set<",
                    CqlTypeCode.Map => "map<",
                    _ => "tuple<",
                });
                for (var i = 0; i < Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Arguments[i].AppendCql(builder, nested: true);
                }

                builder.Append('>');
                return;
            case CqlTypeCode.Udt:
                builder.Append(Name);
                return;
            case CqlTypeCode.Custom when IsVector:
                builder.Append("vector<");
                Arguments[0].AppendCql(builder, nested: true);
                builder.Append(", ").Append(Dimension).Append('>');
                return;
            case CqlTypeCode.Custom:
                builder.Append('\'').Append(CustomClassName).Append('\'');
                return;
            default:
                builder.Append(Code switch
                {
                    CqlTypeCode.Varchar => "text",
                    _ => Code.ToString().ToLowerInvariant(),
                });
                return;
        }
    }

    /// <inheritdoc />
    public bool Equals(CqlType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Code != Code || other.Dimension != Dimension || other.Arguments.Count != Arguments.Count
            || other.CustomClassName != CustomClassName || other.Keyspace != Keyspace || other.Name != Name
            || other.Fields.Count != Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < Arguments.Count; i++)
        {
            if (!Arguments[i].Equals(other.Arguments[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Key != other.Fields[i].Key || !Fields[i].Value.Equals(other.Fields[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CqlType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Count, Name, Dimension);

    private static string MarshalClassName(CqlType type) => type.Code switch
    {
        CqlTypeCode.Float => "org.apache.cassandra.db.marshal.FloatType",
        CqlTypeCode.Double => "org.apache.cassandra.db.marshal.DoubleType",
        CqlTypeCode.Int => "org.apache.cassandra.db.marshal.Int32Type",
        CqlTypeCode.Bigint => "org.apache.cassandra.db.marshal.LongType",
        CqlTypeCode.Varchar => "org.apache.cassandra.db.marshal.UTF8Type",
        CqlTypeCode.Ascii => "org.apache.cassandra.db.marshal.AsciiType",
        CqlTypeCode.Boolean => "org.apache.cassandra.db.marshal.BooleanType",
        CqlTypeCode.Blob => "org.apache.cassandra.db.marshal.BytesType",
        CqlTypeCode.Uuid => "org.apache.cassandra.db.marshal.UUIDType",
        CqlTypeCode.Timeuuid => "org.apache.cassandra.db.marshal.TimeUUIDType",
        CqlTypeCode.Timestamp => "org.apache.cassandra.db.marshal.TimestampType",
        CqlTypeCode.Smallint => "org.apache.cassandra.db.marshal.ShortType",
        CqlTypeCode.Tinyint => "org.apache.cassandra.db.marshal.ByteType",
        CqlTypeCode.Date => "org.apache.cassandra.db.marshal.SimpleDateType",
        CqlTypeCode.Time => "org.apache.cassandra.db.marshal.TimeType",
        CqlTypeCode.Decimal => "org.apache.cassandra.db.marshal.DecimalType",
        CqlTypeCode.Varint => "org.apache.cassandra.db.marshal.IntegerType",
        CqlTypeCode.Inet => "org.apache.cassandra.db.marshal.InetAddressType",
        CqlTypeCode.Duration => DurationClass,
        _ => throw new NotSupportedException($"vector<{type}> elements are not supported by this client; use a simple numeric, text or uuid type."),
    };

    private static CqlType? TryParseVector(string className)
    {
        // org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType, 3)
        if (!className.StartsWith(VectorClass + "(", StringComparison.Ordinal) || !className.EndsWith(')'))
        {
            return null;
        }

        var inner = className.AsSpan(VectorClass.Length + 1, className.Length - VectorClass.Length - 2);
        var comma = inner.LastIndexOf(',');
        if (comma < 0 || !int.TryParse(inner[(comma + 1)..].Trim(), out var dimension))
        {
            return null;
        }

        var elementClass = inner[..comma].Trim().ToString();
        foreach (var candidate in (ReadOnlySpan<CqlType>)[Float, Double, Int, Bigint, Text, Ascii, Boolean, Blob, Uuid, Timeuuid, Timestamp, Smallint, Tinyint, Date, Time, Decimal, Varint, Inet, Duration])
        {
            if (MarshalClassName(candidate) == elementClass)
            {
                return Vector(candidate, dimension);
            }
        }

        return null;
    }
}
