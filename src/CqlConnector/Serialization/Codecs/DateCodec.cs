using System.Buffers.Binary;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// date: an unsigned four-byte count of days with the Unix epoch at 2^31, so 1970-01-01 is 0x80000000 (v5 §6.5).
/// Read as <see cref="DateOnly"/>, a <see cref="DateTime"/> at midnight (kind Unspecified), or the raw
/// <see cref="uint"/>, which also holds dates outside DateOnly's years 1 to 9999.
/// </summary>
internal sealed class DateCodec : CqlCodec
{
    public static readonly DateCodec Instance = new();

    private const long EpochOffset = 1L << 31;

    // DateOnly.DayNumber of 1970-01-01.
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public override Type DefaultClrType => typeof(DateOnly);

    public override string ReadableAs => "DateOnly, DateTime or uint (the raw day number, epoch at 2^31)";

    public override string WritableFrom => "a DateOnly, a DateTime (its date part) or a uint raw day number (epoch at 2^31)";

    public static uint DecodeRaw(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 4);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static DateOnly Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        var raw = DecodeRaw(bytes, type);
        var dayNumber = raw - EpochOffset + UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new OverflowException(
                $"The CQL date {raw - EpochOffset} days from 1970-01-01 (raw {raw}) is outside the range of DateOnly (years 1 to 9999); read it as uint.");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    public static uint ToRaw(DateOnly date) => (uint)(date.DayNumber - UnixEpochDayNumber + EpochOffset);

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target == typeof(DateTime))
        {
            return Decode(bytes, type).ToDateTime(TimeOnly.MinValue);
        }

        return target == typeof(uint) ? DecodeRaw(bytes, type) : base.ReadAs(bytes, type, target);
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var raw = value switch
        {
            DateOnly date => ToRaw(date),
            DateTime dateTime => ToRaw(DateOnly.FromDateTime(dateTime)),
            uint r => r,
            _ => throw CannotWrite(value, type),
        };

        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), raw);
        writer.Advance(4);
    }
}
