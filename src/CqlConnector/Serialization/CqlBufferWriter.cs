using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CqlConnector.Serialization;

/// <summary>
/// A growable, pooled buffer that frames and values are encoded into, with big-endian helpers for the protocol's
/// notation ([int], [string], [bytes], ...). Length prefixes whose value is only known after the payload is written
/// are reserved and patched in place, so values are encoded straight into the outgoing frame without a copy.
/// </summary>
internal sealed class CqlBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _position;

    public CqlBufferWriter(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The number of bytes written so far.</summary>
    public int Position => _position;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    /// <summary>Forgets what was written, keeping the rented buffer.</summary>
    public void Reset() => _position = 0;

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _position += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_position);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_position);
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(GetSpan(2), value);
        _position += 2;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(GetSpan(2), value);
        _position += 2;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(GetSpan(4), value);
        _position += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(GetSpan(8), value);
        _position += 8;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _position += bytes.Length;
    }

    /// <summary>[string]: a [short] n followed by n bytes of UTF-8.</summary>
    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"A protocol [string] holds at most {ushort.MaxValue} UTF-8 bytes; this one has {length}.", nameof(value));
        }

        WriteUInt16((ushort)length);
        _position += Encoding.UTF8.GetBytes(value, GetSpan(length));
    }

    /// <summary>[long string]: an [int] n followed by n bytes of UTF-8.</summary>
    public void WriteLongString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        _position += Encoding.UTF8.GetBytes(value, GetSpan(length));
    }

    /// <summary>[bytes]: an [int] n followed by n bytes; n &lt; 0 (here: <c>null</c>) is a null value.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        WriteRaw(value);
    }

    /// <summary>[bytes] with length -1: null.</summary>
    public void WriteNullBytes() => WriteInt32(-1);

    /// <summary>[value] with length -2: unset (protocol v4+).</summary>
    public void WriteUnsetValue() => WriteInt32(-2);

    /// <summary>[short bytes]: a [short] n followed by n bytes.</summary>
    public void WriteShortBytes(ReadOnlySpan<byte> value)
    {
        WriteUInt16(checked((ushort)value.Length));
        WriteRaw(value);
    }

    /// <summary>[string list]: a [short] n followed by n [string].</summary>
    public void WriteStringList(IReadOnlyList<string> values)
    {
        WriteUInt16(checked((ushort)values.Count));
        foreach (var value in values)
        {
            WriteString(value);
        }
    }

    /// <summary>[string map]: a [short] n followed by n pairs of [string].</summary>
    public void WriteStringMap(IReadOnlyCollection<KeyValuePair<string, string>> values)
    {
        WriteUInt16(checked((ushort)values.Count));
        foreach (var (key, value) in values)
        {
            WriteString(key);
            WriteString(value);
        }
    }

    /// <summary>[bytes map]: a [short] n followed by n pairs of [string] key and [bytes] value.</summary>
    public void WriteBytesMap(IReadOnlyCollection<KeyValuePair<string, byte[]?>> values)
    {
        WriteUInt16(checked((ushort)values.Count));
        foreach (var (key, value) in values)
        {
            WriteString(key);
            if (value is null)
            {
                WriteNullBytes();
            }
            else
            {
                WriteBytes(value);
            }
        }
    }

    /// <summary>Reserves room for an [int] whose value is only known later; returns its offset for <see cref="PatchInt32"/>.</summary>
    public int ReserveInt32()
    {
        Ensure(4);
        var offset = _position;
        _position += 4;
        return offset;
    }

    /// <summary>Reserves <paramref name="count"/> bytes (a header written last); returns their offset.</summary>
    public int Reserve(int count)
    {
        Ensure(count);
        var offset = _position;
        _position += count;
        return offset;
    }

    public void PatchInt32(int offset, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(offset, 4), value);

    /// <summary>The bytes written at and after <paramref name="offset"/>, for patching a reserved header.</summary>
    public Span<byte> SpanAt(int offset, int length) => _buffer.AsSpan(offset, length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _position = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 1;
        }

        if (_buffer.Length - _position >= sizeHint)
        {
            return;
        }

        var newSize = Math.Max(_buffer.Length * 2, _position + sizeHint);
        var newBuffer = ArrayPool<byte>.Shared.Rent(newSize);
        _buffer.AsSpan(0, _position).CopyTo(newBuffer);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = newBuffer;
    }
}
