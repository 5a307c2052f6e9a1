using System.Buffers;
using System.Text;

namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// text (varchar) and ascii: UTF-8 bytes (v5 §6.16), or bytes 0..127 for ascii (§6.1), encoded straight into the
/// outgoing buffer. Writing a non-ASCII character to an ascii value is refused before anything reaches the server.
/// </summary>
internal sealed class TextCodec : CqlCodec
{
    public static readonly TextCodec Instance = new();

    // Up to this many chars, reserve the worst case (3 bytes a char) and encode in one pass; beyond, count first.
    private const int OnePassLimit = 1 << 20;

    public override Type DefaultClrType => typeof(string);

    public override bool EmptyMeansNull => false;

    public override string ReadableAs => "string or char[]";

    public override string WritableFrom => "a string or a char[]";

    public static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);

    public static void EncodeUtf8(CqlBufferWriter writer, ReadOnlySpan<char> chars)
    {
        var size = chars.Length <= OnePassLimit ? Encoding.UTF8.GetMaxByteCount(chars.Length) : Encoding.UTF8.GetByteCount(chars);
        writer.Advance(Encoding.UTF8.GetBytes(chars, writer.GetSpan(size)));
    }

    public static void EncodeAscii(CqlBufferWriter writer, ReadOnlySpan<char> chars, CqlType type)
    {
        var status = Ascii.FromUtf16(chars, writer.GetSpan(chars.Length), out var written);
        if (status != OperationStatus.Done)
        {
            var index = written;
            throw new ArgumentException(
                $"The string cannot be written to a CQL {type} value: the character '{chars[index]}' (U+{(int)chars[index]:X4}) at index {index} is not ASCII (0-127), which the server would reject; use a text column for Unicode, or remove the character.");
        }

        writer.Advance(written);
    }

    public override object Read(ReadOnlySpan<byte> bytes, CqlType type) => Decode(bytes);

    public override object ReadAs(ReadOnlySpan<byte> bytes, CqlType type, Type target)
        => target == typeof(char[]) ? Decode(bytes).ToCharArray() : base.ReadAs(bytes, type, target);

    public override void Write(CqlBufferWriter writer, object value, CqlType type)
    {
        ReadOnlySpan<char> chars = value switch
        {
            string s => s,
            char[] a => a,
            _ => throw CannotWrite(value, type),
        };

        if (type.Code == CqlTypeCode.Ascii)
        {
            EncodeAscii(writer, chars, type);
        }
        else
        {
            EncodeUtf8(writer, chars);
        }
    }
}
