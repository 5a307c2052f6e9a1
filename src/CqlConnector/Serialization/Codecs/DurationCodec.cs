namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// duration (v5 §6.8): three signed [vint]s, months, days and nanoseconds, all zero or of one sign. Read as
/// <see cref="CqlDuration"/>, or as <see cref="TimeSpan"/> when it has no months (a day counted as 24 hours). A
/// <see cref="TimeSpan"/> written becomes nanoseconds only (no days), since a CQL day is a calendar day.
/// </summary>
internal sealed class DurationCodec : CqlCodec
{
    public static readonly DurationCodec Instance = new();

    public override Type DefaultClrType => typeof(CqlDuration);

    public override string ReadableAs => "CqlDuration, or TimeSpan when it has no months";

    public override string WritableFrom => "a CqlDuration or a TimeSpan";

    public static CqlDuration Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        if (bytes.IsEmpty)
        {
            throw BadLength(type, 3, 0);
        }

        var months = VInt.ReadSigned(bytes, out var read);
        bytes = bytes[read..];
        var days = VInt.ReadSigned(bytes, out read);
        bytes = bytes[read..];
        var nanoseconds = VInt.ReadSigned(bytes, out read);
        if (read != bytes.Length)
        {
            throw new CqlProtocolViolationException($"A CQL {type} value is three vints, but {bytes.Length - read} bytes follow them.");
        }

        if (months is < int.MinValue or > int.MaxValue || days is < int.MinValue or > int.MaxValue)
        {
            throw new CqlProtocolViolationException($"A CQL {type} has 32-bit months and days, but the server sent {months} months and {days} days.");
        }

        try
        {
            return new CqlDuration((int)months, (int)days, nanoseconds);
        }
        catch (ArgumentException e)
        {
            throw new CqlProtocolViolationException($"The server sent an invalid CQL {type}: {e.Message}", e);
        }
    }

    public static void Encode(CqlBufferWriter writer, CqlDuration value)
    {
        var span = writer.GetSpan(3 * VInt.MaxSize);
        var length = VInt.WriteSigned(span, value.Months);
        length += VInt.WriteSigned(span[length..], value.Days);
        length += VInt.WriteSigned(span[length..], value.Nanoseconds);
        writer.Advance(length);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
    {
        if (target != typeof(TimeSpan))
        {
            return base.ReadAs(bytes, type, target);
        }

        var duration = Decode(bytes, type);
        if (duration.Months != 0)
        {
            throw new InvalidCastException(
                $"The CQL {type} {duration} has months, which have no fixed length, so it cannot be read as TimeSpan; read it as CqlDuration.");
        }

        return duration.ToTimeSpan();
    }

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        Encode(writer, value switch
        {
            CqlDuration duration => duration,
            TimeSpan span => CqlDuration.FromTimeSpan(span),
            _ => throw CannotWrite(value, type),
        });
    }
}
