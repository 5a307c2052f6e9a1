using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// timestamp: an eight-byte signed count of milliseconds since 1970-01-01T00:00:00Z (v5 §6.18). Read as a UTC
/// <see cref="DateTimeOffset"/>, a <see cref="DateTime"/> of kind Utc, or the raw milliseconds. A
/// <see cref="DateTime"/> written is converted to UTC when its kind is Local and taken as UTC when Unspecified; time
/// finer than a millisecond is truncated (toward the past).
/// </summary>
internal sealed class TimestampCodec : CqlCodec
{
    public static readonly TimestampCodec Instance = new();

    public override Type DefaultClrType => typeof(DateTimeOffset);

    public override int FixedLength => 8;

    public override string ReadableAs => "DateTimeOffset, DateTime (UTC) or long (milliseconds since the Unix epoch)";

    public override string WritableFrom => "a DateTimeOffset, a DateTime (Local is converted to UTC, Unspecified is taken as UTC) or a long of milliseconds since the Unix epoch";

    public static long DecodeMilliseconds(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 8);
        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    public static DateTimeOffset Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        var milliseconds = DecodeMilliseconds(bytes, type);
        if (milliseconds < -62_135_596_800_000L || milliseconds > 253_402_300_799_999L)
        {
            throw new OverflowException(
                $"The CQL timestamp {milliseconds} ms from the Unix epoch is outside the range of DateTimeOffset (years 1 to 9999); read it as long.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public static long ToMilliseconds(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };

        return new DateTimeOffset(utc).ToUnixTimeMilliseconds();
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target == typeof(DateTime))
        {
            return Decode(bytes, type).UtcDateTime;
        }

        return target == typeof(long) ? DecodeMilliseconds(bytes, type) : base.ReadAs(bytes, type, target);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        writer.WriteInt64(value switch
        {
            DateTimeOffset dto => dto.ToUnixTimeMilliseconds(),
            DateTime dt => ToMilliseconds(dt),
            long ms => ms,
            _ => throw CannotWrite(value, type),
        });
    }
}
