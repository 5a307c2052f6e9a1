namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// uuid and timeuuid: 16 bytes in RFC 4122 (big-endian) order (v5 §6.19, §6.22). A timeuuid must be a version-1 UUID;
/// a <see cref="Guid"/> written to one is checked before it is sent.
/// </summary>
internal sealed class UuidCodec : CqlCodec
{
    public static readonly UuidCodec Instance = new();

    public override Type DefaultClrType => typeof(Guid);

    public override int FixedLength => 16;

    public override string ReadableAs => "Guid, or TimeUuid when it is a version-1 UUID";

    public override string WritableFrom => "a Guid or a TimeUuid";

    public static Guid Decode(ReadOnlySpan<byte> bytes, CqlType type)
    {
        CheckLength(bytes, type, 16);
        return new Guid(bytes, bigEndian: true);
    }

    public static void Encode(CqlBufferWriter writer, Guid value)
    {
        value.TryWriteBytes(writer.GetSpan(16), bigEndian: true, out _);
        writer.Advance(16);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes, type);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
        => target == typeof(TimeUuid) ? (TimeUuid)Decode(bytes, type) : base.ReadAs(bytes, type, target);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        var guid = value switch
        {
            Guid g => g,
            TimeUuid t => (Guid)t,
            _ => throw CannotWrite(value, type),
        };

        if (type.Code == CqlTypeCode.Timeuuid && !TimeUuid.IsTimeUuid(guid))
        {
            throw new ArgumentException(
                $"The UUID {guid} is version {guid.Version}, but a CQL timeuuid must be a version-1 (time-based) UUID, which the server checks; make one with TimeUuid.NewTimeUuid() or TimeUuid.FromDateTimeOffset(), or use a uuid column.",
                nameof(value));
        }

        Encode(writer, guid);
    }
}
