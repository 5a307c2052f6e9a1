using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// time: an eight-byte count of nanoseconds since midnight, 0 to 86399999999999 (v5 §6.17). Read as
/// <see cref="TimeOnly"/> or <see cref="TimeSpan"/> (100 ns resolution: finer digits are truncated) or as the exact
/// <see cref="long"/> nanoseconds.
/// </summary>
internal sealed class TimeCodec : CqlCodec
{
    public static readonly TimeCodec Instance = new();

    public const long MaxNanoseconds = 86_399_999_999_999;

    public override Type DefaultClrType => typeof(TimeOnly);

    public override string ReadableAs => "TimeOnly, TimeSpan or long (nanoseconds since midnight)";

    public override string WritableFrom => "a TimeOnly, a TimeSpan from zero to less than a day, or a long of nanoseconds since midnight (0 to 86399999999999)";

    public static long DecodeNanoseconds(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 8);
        var nanoseconds = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (nanoseconds < 0 || nanoseconds > MaxNanoseconds)
        {
            throw new CqlProtocolViolationException(
                $"A CQL time is 0 to {MaxNanoseconds} nanoseconds since midnight, but the server sent {nanoseconds}.");
        }

        return nanoseconds;
    }

    public static TimeOnly Decode(ReadOnlySpan<byte> bytes, CqlType type) => new(DecodeNanoseconds(bytes, type) / 100);

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target == typeof(TimeSpan))
        {
            return new TimeSpan(DecodeNanoseconds(bytes, type) / 100);
        }

        return target == typeof(long) ? DecodeNanoseconds(bytes, type) : base.ReadAs(bytes, type, target);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var nanoseconds = value switch
        {
            TimeOnly time => time.Ticks * 100,
            TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) => span.Ticks * 100,
            TimeSpan span => throw new ArgumentOutOfRangeException(
                nameof(value), span, $"A CQL {type} is a time of day: a TimeSpan written to it must be from zero to less than one day; for a length of time use a duration column and CqlDuration."),
            long n when n is >= 0 and <= MaxNanoseconds => n,
            long n => throw new ArgumentOutOfRangeException(
                nameof(value), n, $"A CQL {type} is 0 to {MaxNanoseconds} nanoseconds since midnight."),
            _ => throw CannotWrite(value, type),
        };

        writer.WriteInt64(nanoseconds);
    }
}
