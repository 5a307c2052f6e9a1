using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>A request message: its opcode and the encoding of its body.</summary>
internal abstract class CqlRequest
{
    public abstract Opcode Opcode { get; }

    /// <summary>Whether the request asks the server to trace it.</summary>
    public bool Tracing { get; init; }

    /// <summary>Custom payload sent to the server (protocol v4+).</summary>
    public IReadOnlyDictionary<string, byte[]?>? CustomPayload { get; init; }

    public abstract void WriteBody(CqlBufferWriter writer, ProtocolVersion version);

    /// <summary>
    /// Encodes the whole frame (header with stream id 0, patched when it is sent, then the body) at the writer's
    /// position, writing the body straight into the buffer and patching its length afterwards.
    /// </summary>
    public void WriteFrame(CqlBufferWriter writer, ProtocolVersion version)
    {
        var flags = FrameFlags.None;
        if (Tracing)
        {
            flags |= FrameFlags.Tracing;
        }

        if (CustomPayload is { Count: > 0 })
        {
            if (version < ProtocolVersion.V4)
            {
                throw new NotSupportedException($"Custom payloads need native protocol v4 or later; this connection speaks {version}.");
            }

            flags |= FrameFlags.CustomPayload;
        }

        var headerOffset = writer.Reserve(FrameHeader.Size);
        var bodyStart = writer.Position;
        if (CustomPayload is { Count: > 0 } payload)
        {
            writer.WriteBytesMap(payload.ToArray());
        }

        WriteBody(writer, version);
        var header = new FrameHeader((byte)version, flags, 0, Opcode, writer.Position - bodyStart);
        header.Write(writer.SpanAt(headerOffset, FrameHeader.Size));
    }
}
