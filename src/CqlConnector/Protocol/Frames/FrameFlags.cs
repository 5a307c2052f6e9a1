namespace CqlConnector.Protocol.Frames;

/// <summary>The flags byte of a frame header (§2.2).</summary>
[Flags]
internal enum FrameFlags : byte
{
    None = 0x00,
    Compression = 0x01,
    Tracing = 0x02,
    CustomPayload = 0x04,
    Warning = 0x08,
    UseBeta = 0x10,
}
