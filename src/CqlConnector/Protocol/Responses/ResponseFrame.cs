using System.Buffers;
using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// A received response frame: its header and its body in a buffer rented from the array pool. The read loop hands
/// the frame to the waiting request untouched, so parsing runs on the caller's thread; rows are decoded lazily
/// from this buffer, which is returned to the pool when the frame is disposed.
/// </summary>
internal sealed class ResponseFrame : IDisposable
{
    private byte[]? _buffer;
    private int _bodyOffset;

    public ResponseFrame(FrameHeader header, byte[] buffer, int length)
    {
        Header = header;
        _buffer = buffer;
        Length = length;
    }

    public FrameHeader Header { get; }

    public Opcode Opcode => Header.Opcode;

    public ProtocolVersion Version => Header.ProtocolVersion;

    /// <summary>The length of the (decompressed) body in the buffer.</summary>
    public int Length { get; }

    public Guid? TracingId { get; private set; }

    public IReadOnlyList<string>? Warnings { get; private set; }

    public IReadOnlyDictionary<string, byte[]?>? CustomPayload { get; private set; }

    /// <summary>The message body after the tracing id, warnings and custom payload.</summary>
    public ReadOnlySpan<byte> Body => Buffer.AsSpan(_bodyOffset, Length - _bodyOffset);

    public ReadOnlyMemory<byte> BodyMemory => Buffer.AsMemory(_bodyOffset, Length - _bodyOffset);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ResponseFrame));

    /// <summary>Reads the envelope that precedes the message (§2.2: tracing id, then warnings, then custom payload).</summary>
    public void ReadEnvelope()
    {
        var reader = new CqlReader(Buffer.AsSpan(0, Length));
        if ((Header.Flags & FrameFlags.Tracing) != 0)
        {
            TracingId = reader.ReadUuid();
        }

        if ((Header.Flags & FrameFlags.Warning) != 0)
        {
            Warnings = reader.ReadStringList();
        }

        if ((Header.Flags & FrameFlags.CustomPayload) != 0)
        {
            CustomPayload = reader.ReadBytesMap();
        }

        _bodyOffset = reader.Position;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            FrameBuffers.Return(buffer);
        }
    }
}
