using System.Globalization;
using System.Text;

namespace CqlConnector;

/// <summary>
/// A CQL <c>duration</c>: a number of months, days and nanoseconds, kept apart because a month and a day have no
/// fixed length (a day may last 23 or 25 hours across a daylight-saving change). All three parts are zero or have the
/// same sign.
/// </summary>
public readonly record struct CqlDuration
{
    /// <summary>Creates a duration; all parts must be zero or share one sign.</summary>
    /// <exception cref="ArgumentException">The parts have different signs.</exception>
    public CqlDuration(int months, int days, long nanoseconds)
    {
        if ((months < 0 || days < 0 || nanoseconds < 0) && (months > 0 || days > 0 || nanoseconds > 0))
        {
            throw new ArgumentException(
                $"The parts of a CQL duration must all be zero or positive, or all zero or negative; got months={months}, days={days}, nanoseconds={nanoseconds}.");
        }

        Months = months;
        Days = days;
        Nanoseconds = nanoseconds;
    }

    /// <summary>The number of months.</summary>
    public int Months { get; }

    /// <summary>The number of days.</summary>
    public int Days { get; }

    /// <summary>The number of nanoseconds.</summary>
    public long Nanoseconds { get; }

    /// <summary>A duration of exactly <paramref name="value"/> (as nanoseconds; no months or days).</summary>
    public static CqlDuration FromTimeSpan(TimeSpan value) => new(0, 0, checked(value.Ticks * 100));

    /// <summary>
    /// The duration as a <see cref="TimeSpan"/>, counting a day as 24 hours.
    /// </summary>
    /// <exception cref="InvalidOperationException">The duration has months, whose length is not fixed.</exception>
    public TimeSpan ToTimeSpan()
    {
        if (Months != 0)
        {
            throw new InvalidOperationException(
                $"The duration {this} has months, which have no fixed length, so it has no TimeSpan equivalent; use Months, Days and Nanoseconds.");
        }

        return TimeSpan.FromDays(Days) + TimeSpan.FromTicks(Nanoseconds / 100);
    }

    /// <summary>The duration in CQL's literal form, e.g. <c>1y2mo3d4h5m6s7ms8us9ns</c> or <c>-3d</c>.</summary>
    public override string ToString()
    {
        if (Months == 0 && Days == 0 && Nanoseconds == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (Months < 0 || Days < 0 || Nanoseconds < 0)
        {
            builder.Append('-');
        }

        var months = Math.Abs((long)Months);
        var nanos = Nanoseconds == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Nanoseconds);
        Append(builder, (ulong)(months / 12), "y");
        Append(builder, (ulong)(months % 12), "mo");
        Append(builder, (ulong)Math.Abs((long)Days), "d");
        Append(builder, nanos / 3_600_000_000_000UL, "h");
        nanos %= 3_600_000_000_000UL;
        Append(builder, nanos / 60_000_000_000UL, "m");
        nanos %= 60_000_000_000UL;
        Append(builder, nanos / 1_000_000_000UL, "s");
        nanos %= 1_000_000_000UL;
        Append(builder, nanos / 1_000_000UL, "ms");
        nanos %= 1_000_000UL;
        Append(builder, nanos / 1_000UL, "us");
        Append(builder, nanos % 1_000UL, "ns");
        return builder.ToString();

        static void Append(StringBuilder builder, ulong value, string unit)
        {
            if (value != 0)
            {
                builder.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }
}
