using System.Buffers.Binary;

namespace CqlConnector.Protocol.Frames;

/// <summary>
/// The 9-byte header of a v3+ frame: version (high bit set on responses), flags, a signed 16-bit stream id, the
/// opcode and the body length.
/// </summary>
internal readonly record struct FrameHeader(byte Version, FrameFlags Flags, short StreamId, Opcode Opcode, int BodyLength)
{
    public const int Size = 9;

    /// <summary>The largest body this client accepts (the protocol's limit is 256 MB).</summary>
    public const int MaxBodyLength = 256 * 1024 * 1024;

    public bool IsResponse => (Version & 0x80) != 0;

    public ProtocolVersion ProtocolVersion => (ProtocolVersion)(Version & 0x7F);

    public static FrameHeader Read(ReadOnlySpan<byte> bytes) => new(
        bytes[0],
        (FrameFlags)bytes[1],
        BinaryPrimitives.ReadInt16BigEndian(bytes[2..]),
        (Opcode)bytes[4],
        BinaryPrimitives.ReadInt32BigEndian(bytes[5..]));

    public void Write(Span<byte> destination)
    {
        destination[0] = Version;
        destination[1] = (byte)Flags;
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], StreamId);
        destination[4] = (byte)Opcode;
        BinaryPrimitives.WriteInt32BigEndian(destination[5..], BodyLength);
    }

    /// <summary>Patches the stream id of an encoded request frame (ids are assigned only when the frame is sent).</summary>
    public static void WriteStreamId(Span<byte> frame, short streamId) => BinaryPrimitives.WriteInt16BigEndian(frame[2..], streamId);
}
