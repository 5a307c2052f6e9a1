using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace CqlConnector.Serialization;

/// <summary>
/// Reads the protocol's notation ([int], [string], [bytes], ...) from a received body without copying: byte values are
/// returned as slices of the body. Running past the end raises <see cref="CqlProtocolViolationException"/>, which
/// means the server sent a frame this client cannot parse.
/// </summary>
internal ref struct CqlReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public CqlReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _buffer.Length - _position;

    public readonly ReadOnlySpan<byte> RemainingSpan => _buffer[_position..];

    public byte ReadByte() => Take(1)[0];

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public ReadOnlySpan<byte> ReadRaw(int count) => Take(count);

    public void Skip(int count) => Take(count);

    /// <summary>[string].</summary>
    public string ReadString() => Encoding.UTF8.GetString(Take(ReadUInt16()));

    /// <summary>[long string].</summary>
    public string ReadLongString()
    {
        var length = ReadInt32();
        return length < 0 ? string.Empty : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>[bytes]; returns <c>false</c> for a null (negative length) value.</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        var length = ReadInt32();
        if (length < 0)
        {
            value = default;
            return false;
        }

        value = Take(length);
        return true;
    }

    /// <summary>[bytes] copied into a new array, or <c>null</c>.</summary>
    public byte[]? ReadBytesArray() => TryReadBytes(out var value) ? value.ToArray() : null;

    /// <summary>[short bytes].</summary>
    public ReadOnlySpan<byte> ReadShortBytes() => Take(ReadUInt16());

    /// <summary>[uuid]: 16 bytes in network order.</summary>
    public Guid ReadUuid() => new(Take(16), bigEndian: true);

    /// <summary>[string list].</summary>
    public List<string> ReadStringList()
    {
        int count = ReadUInt16();
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadString());
        }

        return list;
    }

    /// <summary>[string map].</summary>
    public Dictionary<string, string> ReadStringMap()
    {
        int count = ReadUInt16();
        var map = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadString();
        }

        return map;
    }

    /// <summary>[string multimap].</summary>
    public Dictionary<string, List<string>> ReadStringMultimap()
    {
        int count = ReadUInt16();
        var map = new Dictionary<string, List<string>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadStringList();
        }

        return map;
    }

    /// <summary>[bytes map] (custom payloads).</summary>
    public Dictionary<string, byte[]?> ReadBytesMap()
    {
        int count = ReadUInt16();
        var map = new Dictionary<string, byte[]?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString();
            map[key] = ReadBytesArray();
        }

        return map;
    }

    /// <summary>[inetaddr]: one byte n (4 or 16) then n address bytes.</summary>
    public IPAddress ReadInetAddress()
    {
        var size = ReadByte();
        if (size != 4 && size != 16)
        {
            throw new CqlProtocolViolationException($"An [inetaddr] has 4 or 16 address bytes, not {size}.");
        }

        return new IPAddress(Take(size));
    }

    /// <summary>[inet]: an [inetaddr] then an [int] port.</summary>
    public IPEndPoint ReadInet()
    {
        var address = ReadInetAddress();
        return new IPEndPoint(address, ReadInt32());
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _buffer.Length - _position)
        {
            throw new CqlProtocolViolationException(
                $"The server's message ended early: {count} more bytes were expected at offset {_position} of {_buffer.Length}.");
        }

        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
