using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>
/// An in-process server speaking protocol v5 with its segment framing (native_protocol_v5.spec §2), since no v5 node
/// is reachable here: OPTIONS and STARTUP unframed, everything after READY in checksummed segments (LZ4 segments when
/// STARTUP asked for lz4). It refuses other versions like a real node, answers the requests read together with one
/// write of segments (so answers share segments), and can corrupt a segment on demand.
/// <list type="bullet">
/// <item>QUERY on system.local: a single node 5.0.0 in dc1; other system tables: no rows; REGISTER: READY.</item>
/// <item>QUERY "SELECT payload": one row with one blob of <see cref="PayloadSize"/> bytes (i, mod 251).</item>
/// <item>QUERY "WITH EVENT": a STATUS_CHANGE event and then the answer, in one segment.</item>
/// <item>QUERY "CORRUPT": answered with a segment whose CRC32 is wrong.</item>
/// <item>any other QUERY: one row with one int, the length of the query text in UTF-8 bytes.</item>
/// </list>
/// </summary>
internal sealed class FakeV5CqlServer : FakeServerHost
{

    public FakeV5CqlServer(bool offerLz4 = false)
        : base()
    {
        OfferLz4 = offerLz4;
        Start();
    }

    public bool OfferLz4 { get; }

    public string ConnectionString => $"Contact Points=127.0.0.1;Port={Port}";

    public int PayloadSize { get; set; } = 300_000;

    /// <summary>The STARTUP options of the last connection.</summary>
    public IReadOnlyDictionary<string, string>? StartupOptions { get; private set; }

    /// <summary>Protocol versions offered by clients, in order (a refused one is followed by the next attempt).</summary>
    public List<int> OfferedVersions { get; } = [];

    /// <summary>Client segments that were not self-contained (parts of a large request).</summary>
    public int SplitClientSegments { get; private set; }

    protected override async Task ServeAsync(Socket socket)
    {
        using var owned = socket;
        await using var stream = new NetworkStream(socket);
        try
        {
            var compressed = await HandshakeAsync(stream);
            if (compressed is null)
            {
                return;
            }

            await ServeSegmentsAsync(stream, compressed.Value);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The unframed part: OPTIONS/SUPPORTED, STARTUP/READY. Returns whether LZ4 was agreed, or null when refused.</summary>
    private async Task<bool?> HandshakeAsync(NetworkStream stream)
    {
        var headerBytes = new byte[FrameHeader.Size];
        while (true)
        {
            await stream.ReadExactlyAsync(headerBytes, Stop.Token);
            var header = FrameHeader.Read(headerBytes);
            var body = new byte[header.BodyLength];
            await stream.ReadExactlyAsync(body, Stop.Token);
            lock (OfferedVersions)
            {
                OfferedVersions.Add(header.Version);
            }

            if (header.Version != 5)
            {
                // What Cassandra 4 answers to a version it does not speak, in the client's version (here: refused v6+).
                await stream.WriteAsync(Frame(header.Version, header.StreamId, Opcode.Error, w =>
                {
                    w.WriteInt32(0x000A);
                    w.WriteString($"Invalid or unsupported protocol version ({header.Version}); supported versions are (3/v3, 4/v4, 5/v5)");
                }));
                return null;
            }

            switch (header.Opcode)
            {
                case Opcode.Options:
                    await stream.WriteAsync(Frame(5, header.StreamId, Opcode.Supported, w =>
                    {
                        var options = new Dictionary<string, List<string>>
                        {
                            ["CQL_VERSION"] = ["3.4.7"],
                            ["PROTOCOL_VERSIONS"] = ["3/v3", "4/v4", "5/v5"],
                            ["COMPRESSION"] = OfferLz4 ? ["lz4"] : [],
                        };
                        w.WriteUInt16((ushort)options.Count);
                        foreach (var (key, values) in options)
                        {
                            w.WriteString(key);
                            w.WriteStringList(values);
                        }
                    }));
                    break;
                case Opcode.Startup:
                    var reader = new CqlReader(body);
                    var options2 = reader.ReadStringMap();
                    StartupOptions = options2;
                    await stream.WriteAsync(Frame(5, header.StreamId, Opcode.Ready, _ => { }));
                    return options2.TryGetValue("COMPRESSION", out var algorithm) && algorithm == "lz4";
                default:
                    throw new InvalidOperationException($"The fake server got {header.Opcode} before STARTUP.");
            }
        }
    }

    private async Task ServeSegmentsAsync(NetworkStream stream, bool compressed)
    {
        using var decoder = new SegmentDecoder(compressed, "the client");
        var buffer = new byte[4 * SegmentDecoder.MaxSegmentSize];
        var end = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(end), Stop.Token);
            if (read == 0)
            {
                return;
            }

            end += read;
            var requests = new List<(FrameHeader Header, byte[] Body)>();
            var start = 0;
            while (true)
            {
                var headerIsSelfContained = end - start >= SegmentHeader.HeaderSize(compressed)
                    && SegmentHeader.Read(buffer.AsSpan(start), compressed).IsSelfContained;
                var consumed = decoder.TryDecode(buffer.AsSpan(start, end - start), (header, body, length) =>
                {
                    requests.Add((header, body.AsSpan(0, length).ToArray()));
                    ArrayPool<byte>.Shared.Return(body);
                });
                if (consumed == 0)
                {
                    break;
                }

                if (!headerIsSelfContained)
                {
                    SplitClientSegments++;
                }

                start += consumed;
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;

            if (requests.Count > 0)
            {
                await RespondAsync(stream, requests, compressed);
            }
        }
    }

    /// <summary>Answers every request read together with one write of segments, so several answers share a segment.</summary>
    private async Task RespondAsync(NetworkStream stream, List<(FrameHeader Header, byte[] Body)> requests, bool compressed)
    {
        using var envelopes = new CqlBufferWriter();
        var corrupt = false;
        foreach (var (header, body) in requests)
        {
            if (header.Opcode == Opcode.Options)
            {
                AppendEnvelope(envelopes, header.StreamId, Opcode.Supported, w => w.WriteUInt16(0));
                continue;
            }

            if (header.Opcode == Opcode.Register)
            {
                AppendEnvelope(envelopes, header.StreamId, Opcode.Ready, _ => { });
                continue;
            }

            if (header.Opcode != Opcode.Query)
            {
                AppendEnvelope(envelopes, header.StreamId, Opcode.Error, w =>
                {
                    w.WriteInt32(0x000A);
                    w.WriteString($"The fake v5 server does not handle {header.Opcode}.");
                });
                continue;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(body);
            var query = Encoding.UTF8.GetString(body, 4, length);
            if (query.Contains("system.local", StringComparison.Ordinal))
            {
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => WriteLocalRow(w, "5.0.0"));
            }
            else if (query.Contains(" system.", StringComparison.Ordinal) || query.Contains(" system_schema.", StringComparison.Ordinal))
            {
                // The driver's other control-plane queries (peers, schema): no rows.
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => w.WriteInt32(0x0001));
            }
            else if (query == "SELECT payload")
            {
                var payload = Enumerable.Range(0, PayloadSize).Select(i => (byte)(i % 251)).ToArray();
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => WriteSingleValueRows(w, "payload", CqlTypeCode.Blob, payload));
            }
            else if (query == "WITH EVENT")
            {
                AppendEnvelope(envelopes, -1, Opcode.Event, w =>
                {
                    w.WriteString("STATUS_CHANGE");
                    w.WriteString("UP");
                    w.WriteByte(4);
                    w.WriteRaw([127, 0, 0, 9]);
                    w.WriteInt32(9042);
                });
                var value = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(value, length);
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => WriteSingleValueRows(w, "length", CqlTypeCode.Int, value));
            }
            else if (query == "CORRUPT")
            {
                corrupt = true;
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => w.WriteInt32(0x0001));
            }
            else
            {
                var value = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(value, length);
                AppendEnvelope(envelopes, header.StreamId, Opcode.Result, w => WriteSingleValueRows(w, "length", CqlTypeCode.Int, value));
            }
        }

        using var segments = new CqlBufferWriter();
        SegmentEncoder.WriteEnvelopes(segments, envelopes.WrittenSpan, compressed);
        var bytes = segments.WrittenSpan.ToArray();
        if (corrupt)
        {
            bytes[^1] ^= 0xFF; // the CRC32 trailer of the last segment
        }

        await stream.WriteAsync(bytes, Stop.Token);
    }

    private static void WriteSingleValueRows(CqlBufferWriter writer, string column, CqlTypeCode type, ReadOnlySpan<byte> value)
    {
        writer.WriteInt32(0x0002); // Rows
        writer.WriteInt32(0x0001); // Global_tables_spec
        writer.WriteInt32(1);
        writer.WriteString("ks");
        writer.WriteString("t");
        writer.WriteString(column);
        writer.WriteUInt16((ushort)type);
        writer.WriteInt32(1);
        writer.WriteBytes(value);
    }

    private static void AppendEnvelope(CqlBufferWriter writer, short streamId, Opcode opcode, Action<CqlBufferWriter> writeBody)
    {
        var offset = writer.Reserve(FrameHeader.Size);
        var bodyStart = writer.Position;
        writeBody(writer);
        new FrameHeader(0x85, FrameFlags.None, streamId, opcode, writer.Position - bodyStart).Write(writer.SpanAt(offset, FrameHeader.Size));
    }

    private static byte[] Frame(int version, short streamId, Opcode opcode, Action<CqlBufferWriter> writeBody)
    {
        using var writer = new CqlBufferWriter();
        AppendEnvelope(writer, streamId, opcode, writeBody);
        var bytes = writer.WrittenSpan.ToArray();
        bytes[0] = (byte)(0x80 | version);
        return bytes;
    }
}
