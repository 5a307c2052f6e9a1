using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CqlConnector;

/// <summary>
/// A version-1 (time-based) UUID, the value of a CQL <c>timeuuid</c>: a 60-bit count of 100-nanosecond intervals
/// since 1582-10-15 UTC, a clock sequence and a node id. Instances order as Cassandra orders timeuuids: by time first,
/// then by the clock sequence and node bytes compared as signed bytes.
/// </summary>
public readonly struct TimeUuid : IEquatable<TimeUuid>, IComparable<TimeUuid>, IComparable
{
    // 100-ns intervals from the Gregorian reform (1582-10-15) to the Unix epoch.
    private const long GregorianToUnixTicks = 0x01B21DD213814000;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    // Node id and clock sequence of this process: random (RFC 4122 §4.5), with the multicast bit set on the node.
    private static readonly ulong ProcessClockAndNode = CreateClockAndNode();

    private static long _lastTimestamp;

    private readonly Guid _value;

    private TimeUuid(Guid value) => _value = value;

    /// <summary>The time this UUID was made at, to 100 ns, in UTC.</summary>
    public DateTimeOffset Timestamp => new(UuidTimestamp - GregorianToUnixTicks + UnixEpochTicks, TimeSpan.Zero);

    /// <summary>The 60-bit timestamp field (100-ns intervals since 1582-10-15).</summary>
    private long UuidTimestamp
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            _value.TryWriteBytes(bytes, bigEndian: true, out _);
            long timeLow = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            long timeMid = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
            long timeHigh = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]) & 0x0FFF;
            return (timeHigh << 48) | (timeMid << 32) | timeLow;
        }
    }

    /// <summary>
    /// A new time-based UUID for the current time. Successive calls in one process return strictly increasing
    /// timestamps, even within one clock tick; the node and clock sequence are random per process.
    /// </summary>
    public static TimeUuid NewTimeUuid()
    {
        var now = DateTime.UtcNow.Ticks - UnixEpochTicks + GregorianToUnixTicks;
        long last, next;
        do
        {
            last = Volatile.Read(ref _lastTimestamp);
            next = now > last ? now : last + 1;
        }
        while (Interlocked.CompareExchange(ref _lastTimestamp, next, last) != last);

        return Create(next, ProcessClockAndNode);
    }

    /// <summary>A time-based UUID for <paramref name="timestamp"/> with a random clock sequence and node.</summary>
    public static TimeUuid FromDateTimeOffset(DateTimeOffset timestamp)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return Create(ToUuidTimestamp(timestamp), BinaryPrimitives.ReadUInt64BigEndian(random) | 0x0000_0100_0000_0000UL);
    }

    /// <summary>
    /// The smallest timeuuid Cassandra orders at <paramref name="timestamp"/> (as CQL's <c>minTimeuuid</c>): the lower
    /// bound of a time range query. Like Cassandra's, its clock sequence and node bytes are chosen for ordering and
    /// are not a valid RFC 4122 variant: use it in comparisons only, never as a stored value.
    /// </summary>
    public static TimeUuid MinValue(DateTimeOffset timestamp) => Create(ToUuidTimestamp(timestamp), 0x8080_8080_8080_8080UL, setVariant: false);

    /// <summary>
    /// The greatest timeuuid Cassandra orders at <paramref name="timestamp"/> (as CQL's <c>maxTimeuuid</c>): the upper
    /// bound of a time range query. Like <see cref="MinValue"/>, use it in comparisons only.
    /// </summary>
    public static TimeUuid MaxValue(DateTimeOffset timestamp) => Create(ToUuidTimestamp(timestamp), 0x7F7F_7F7F_7F7F_7F7FUL, setVariant: false);

    /// <summary>Whether <paramref name="value"/> is a version-1 (time-based) UUID.</summary>
    public static bool IsTimeUuid(Guid value) => value.Version == 1;

    /// <summary>The UUID as a <see cref="Guid"/>.</summary>
    public static implicit operator Guid(TimeUuid value) => value._value;

    /// <summary>Wraps a version-1 <see cref="Guid"/>.</summary>
    /// <exception cref="InvalidCastException"><paramref name="value"/> is not a version-1 UUID.</exception>
    public static explicit operator TimeUuid(Guid value)
    {
        if (!IsTimeUuid(value))
        {
            throw new InvalidCastException(
                $"The UUID {value} is version {value.Version}, not a version-1 (time-based) UUID, so it is not a timeuuid; make one with TimeUuid.NewTimeUuid() or TimeUuid.FromDateTimeOffset().");
        }

        return new TimeUuid(value);
    }

    /// <summary>The UUID as a <see cref="Guid"/>.</summary>
    public Guid ToGuid() => _value;

    /// <inheritdoc />
    public bool Equals(TimeUuid other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TimeUuid other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares by timestamp, then by clock sequence and node as signed bytes, as Cassandra orders timeuuids.</summary>
    public int CompareTo(TimeUuid other)
    {
        var byTime = UuidTimestamp.CompareTo(other.UuidTimestamp);
        if (byTime != 0)
        {
            return byTime;
        }

        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        _value.TryWriteBytes(left, bigEndian: true, out _);
        other._value.TryWriteBytes(right, bigEndian: true, out _);
        for (var i = 8; i < 16; i++)
        {
            var c = ((sbyte)left[i]).CompareTo((sbyte)right[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        TimeUuid other => CompareTo(other),
        _ => throw new ArgumentException($"A TimeUuid compares only with another TimeUuid, not with {obj.GetType()}.", nameof(obj)),
    };

    /// <inheritdoc />
    public override string ToString() => _value.ToString();

#pragma warning disable CS1591 // operators are self-describing
    public static bool operator ==(TimeUuid left, TimeUuid right) => left.Equals(right);
    public static bool operator !=(TimeUuid left, TimeUuid right) => !left.Equals(right);
    public static bool operator <(TimeUuid left, TimeUuid right) => left.CompareTo(right) < 0;
    public static bool operator <=(TimeUuid left, TimeUuid right) => left.CompareTo(right) <= 0;
    public static bool operator >(TimeUuid left, TimeUuid right) => left.CompareTo(right) > 0;
    public static bool operator >=(TimeUuid left, TimeUuid right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591

    private static long ToUuidTimestamp(DateTimeOffset timestamp) => timestamp.UtcTicks - UnixEpochTicks + GregorianToUnixTicks;

    private static TimeUuid Create(long uuidTimestamp, ulong clockAndNode, bool setVariant = true)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)uuidTimestamp);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[4..], (ushort)(uuidTimestamp >> 32));
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(((uuidTimestamp >> 48) & 0x0FFF) | 0x1000));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], clockAndNode);
        if (setVariant)
        {
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        }
        return new TimeUuid(new Guid(bytes, bigEndian: true));
    }

    private static ulong CreateClockAndNode()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        random[2] |= 0x01; // multicast bit of the node's first octet: a random, not a hardware, node id
        return BinaryPrimitives.ReadUInt64BigEndian(random);
    }
}
