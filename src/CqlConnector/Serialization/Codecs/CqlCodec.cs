namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// Encodes and decodes the values of one CQL type family. A codec sees only a value's bytes: the [value] length
/// prefix, null and unset are handled by <see cref="CqlValueCodec"/>.
/// </summary>
internal abstract class CqlCodec
{
    /// <summary>
    /// The CLR type <see cref="CqlValueCodec.ReadObject"/> returns for this CQL type. For the parameterised families
    /// (collections, tuple, vector) this is the open generic or array shape; <see cref="GetDefaultClrType"/> gives the
    /// closed type for a given <see cref="CqlType"/>.
    /// </summary>
    public abstract Type DefaultClrType { get; }

    /// <summary>The CLR types a value of this family can be read as, for error messages.</summary>
    public abstract string ReadableAs { get; }

    /// <summary>The CLR types this family accepts for writing, for error messages.</summary>
    public abstract string WritableFrom { get; }

    /// <summary>
    /// The size of every value of this type when it is fixed, else -1. This decides how a vector holds the type: fixed
    /// sizes are concatenated, others prefixed by an unsigned vint length. It follows Cassandra's
    /// <c>AbstractType.valueLengthIfFixed</c>, under which counter, smallint, tinyint, date and time are variable.
    /// </summary>
    public virtual int FixedLength => -1;

    /// <summary>
    /// Whether a zero-length value of this type is the legacy "empty" value (read as null by nullable targets) rather
    /// than a real value such as the empty string or an empty collection.
    /// </summary>
    public virtual bool EmptyMeansNull => true;

    /// <summary>The closed default CLR type for <paramref name="type"/>.</summary>
    public virtual Type GetDefaultClrType(CqlType type) => DefaultClrType;

    /// <summary>Decodes <paramref name="bytes"/> (a non-null value) into the default CLR type.</summary>
    public abstract object Read(ReadOnlySpan<byte> bytes, CqlType type);

    /// <summary>
    /// Decodes <paramref name="bytes"/> into <paramref name="target"/> (never <see cref="Nullable{T}"/>, never
    /// <see cref="object"/>). The default reads the default CLR type and applies the numeric widenings.
    /// </summary>
    public virtual object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        var value = Read(bytes, type);
        return target.IsInstanceOfType(value) ? value : CqlConversions.ConvertRead(value, type, target, this);
    }

    /// <summary>Encodes <paramref name="value"/> (not null, not unset) without a length prefix.</summary>
    /// <exception cref="InvalidCastException"><paramref name="value"/> has a CLR type this CQL type does not accept.</exception>
    public abstract void Write(CqlBufferWriter writer, object value, CqlType type);

    /// <summary>The error for a value whose CLR type cannot be written to <paramref name="type"/>.</summary>
    public InvalidCastException CannotWrite(object value, CqlType type)
        => new($"A value of CLR type {CqlConversions.Describe(value.GetType())} cannot be written to a CQL {type} value; pass {WritableFrom} instead.");

    /// <summary>The error for a value that cannot be read as <paramref name="target"/>.</summary>
    public InvalidCastException CannotRead(CqlType type, Type target)
        => new($"A CQL {type} value cannot be read as {CqlConversions.Describe(target)}; read it as {ReadableAs}.");

    /// <summary>The error for a value whose byte length does not fit the type.</summary>
    protected static CqlProtocolViolationException BadLength(CqlType type, int expected, int actual)
        => actual == 0
            ? new($"The CQL {type} value is empty (0 bytes), a legacy value Cassandra allows for non-string types; it has no {type} value: read it as a nullable type (e.g. int?) to get null for it.")
            : new($"A CQL {type} value has {expected} bytes, but the server sent {actual}.");

    /// <summary>Checks that a fixed-size value has the right length.</summary>
    protected static void CheckLength(ReadOnlySpan<byte> bytes, CqlType type, int expected)
    {
        if (bytes.Length != expected)
        {
            throw BadLength(type, expected, bytes.Length);
        }
    }
}
