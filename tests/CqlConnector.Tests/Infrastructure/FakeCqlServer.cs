using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CqlConnector.Protocol.Frames;
using CqlConnector.Serialization;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>
/// An in-process CQL server speaking just enough protocol v3 to finish a handshake, for faults a real node cannot
/// produce on demand: requests that are never answered, late answers, prepared statements forgotten at a chosen moment.
/// It is used beside, never instead of, the real node. Every QUERY other than the driver's system-table lookups is
/// passed to <see cref="OnQuery"/>; PREPARE, EXECUTE and BATCH of writes are answered (see <see cref="OnPrepare"/>).
/// </summary>
internal sealed class FakeCqlServer : FakeServerHost
{
    /// <summary>Listens on <paramref name="port"/> of 127.0.0.1 (0: any free port; a given port restarts a stopped node).</summary>
    public FakeCqlServer(int port = 0)
        : base(port)
    {
        Start();
    }

    public string ConnectionString => $"Contact Points=127.0.0.1;Port={Port};Max Protocol Version=3";

    /// <summary>Other fake nodes this one reports in system.peers_v2, so that a session sees a cluster.</summary>
    public List<FakeCqlServer> Peers { get; } = [];

    /// <summary>How many QUERY requests (other than the driver's system-table lookups) this node received.</summary>
    public int QueriesReceived => Volatile.Read(ref _queriesReceived);

    private int _queriesReceived;
    private int _connectionsAccepted;

    /// <summary>Whether OPTIONS sent after STARTUP (heartbeats) are answered.</summary>
    public bool AnswerHeartbeats { get; set; } = true;

    /// <summary>How many connections this node accepted.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>
    /// When it returns true for a QUERY's CQL text, the connection that received it stops reading its socket for good
    /// (without closing it), as a frozen node or a network black hole does: the client's sends then fill the buffers.
    /// </summary>
    public Func<string, bool>? StopReadingWhen { get; set; }

    /// <summary>
    /// Decides how a QUERY is answered: given its CQL text, returns the delay before a Void result, or null to never answer.
    /// </summary>
    public Func<string, TimeSpan?> OnQuery { get; set; } = _ => TimeSpan.Zero;

    /// <summary>
    /// Runs before a PREPARE is answered (off the connection's read loop, so it may wait): null answers it with the
    /// statement (an int marker per <c>?</c>), which the node then knows; a message answers with an INVALID error.
    /// </summary>
    public Func<string, Task<string?>> OnPrepare { get; set; } = _ => Task.FromResult<string?>(null);

    private readonly ConcurrentDictionary<string, int> _prepares = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private int _unpreparedAnswers;

    /// <summary>How many PREPAREs of <paramref name="query"/> this node received.</summary>
    public int PreparesReceived(string query) => _prepares.TryGetValue(query, out var count) ? count : 0;

    /// <summary>How many EXECUTEs and BATCHes this node answered with UNPREPARED.</summary>
    public int UnpreparedAnswers => Volatile.Read(ref _unpreparedAnswers);

    /// <summary>Whether this node knows <paramref name="query"/> as a prepared statement.</summary>
    public bool Knows(string query) => _known.ContainsKey(Convert.ToHexString(StatementId(query)));

    /// <summary>Forgets every prepared statement, as a restarted node does; EXECUTEs of them get UNPREPARED.</summary>
    public void ForgetPreparedStatements() => _known.Clear();

    protected override async Task ServeAsync(Socket socket)
    {
        using var owned = socket;
        await using var stream = await OpenStreamAsync(socket);
        var writeLock = new SemaphoreSlim(1, 1);
        var header = new byte[FrameHeader.Size];
        var ready = false;
        Interlocked.Increment(ref _connectionsAccepted);
        try
        {
            while (!Stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, Stop.Token);
                var frame = FrameHeader.Read(header);
                var body = new byte[frame.BodyLength];
                await stream.ReadExactlyAsync(body, Stop.Token);
                switch (frame.Opcode)
                {
                    case CqlConnector.Protocol.Opcode.Options:
                        if (!ready || AnswerHeartbeats)
                        {
                            await SendAsync(stream, writeLock, frame.StreamId, 0x06, w => w.WriteUInt16(0));
                        }

                        break;
                    case CqlConnector.Protocol.Opcode.Startup:
                        ready = true;
                        await SendAsync(stream, writeLock, frame.StreamId, 0x02, _ => { });
                        break;
                    case CqlConnector.Protocol.Opcode.Register:
                        await SendAsync(stream, writeLock, frame.StreamId, 0x02, _ => { });
                        break;
                    case CqlConnector.Protocol.Opcode.Query:
                        var length = BinaryPrimitives.ReadInt32BigEndian(body);
                        var query = Encoding.UTF8.GetString(body, 4, length);
                        if (query.Contains("system.local", StringComparison.Ordinal))
                        {
                            await SendAsync(stream, writeLock, frame.StreamId, 0x08, w => WriteLocalRow(w, "9.9.9"));
                        }
                        else if (query.Contains("system.peers_v2", StringComparison.Ordinal) && Peers.Count > 0)
                        {
                            await SendAsync(stream, writeLock, frame.StreamId, 0x08, WritePeerRows);
                        }
                        else if (query.Contains(" system.", StringComparison.Ordinal) || query.Contains(" system_schema.", StringComparison.Ordinal))
                        {
                            // The driver's other control-plane queries (peers, keyspaces): no rows.
                            await SendAsync(stream, writeLock, frame.StreamId, 0x08, w => w.WriteInt32(0x0001));
                        }
                        else if (StopReadingWhen?.Invoke(query) == true)
                        {
                            // A frozen node: the connection stays open, but nothing more is read from it or answered.
                            Interlocked.Increment(ref _queriesReceived);
                            await Task.Delay(Timeout.Infinite, Stop.Token);
                        }
                        else if (Interlocked.Increment(ref _queriesReceived) > 0 && OnQuery(query) is { } delay)
                        {
                            var streamId = frame.StreamId;
                            _ = Task.Run(async () =>
                            {
                                await Task.Delay(delay, Stop.Token);
                                await SendAsync(stream, writeLock, streamId, 0x08, w => w.WriteInt32(0x0001));
                            });
                        }

                        break;
                    case CqlConnector.Protocol.Opcode.Prepare:
                        var cql = Encoding.UTF8.GetString(body, 4, BinaryPrimitives.ReadInt32BigEndian(body));
                        _prepares.AddOrUpdate(cql, 1, (_, count) => count + 1);
                        var prepareStream = frame.StreamId;
                        _ = Task.Run(async () =>
                        {
                            if (await OnPrepare(cql) is { } error)
                            {
                                await SendAsync(stream, writeLock, prepareStream, 0x00, w =>
                                {
                                    w.WriteInt32(0x2200); // Invalid
                                    w.WriteString(error);
                                });
                                return;
                            }

                            _known[Convert.ToHexString(StatementId(cql))] = cql;
                            await SendAsync(stream, writeLock, prepareStream, 0x08, w => WritePrepared(w, cql));
                        });
                        break;
                    case CqlConnector.Protocol.Opcode.Execute:
                    case CqlConnector.Protocol.Opcode.Batch:
                        var id = frame.Opcode == CqlConnector.Protocol.Opcode.Execute
                            ? body.AsSpan(2, BinaryPrimitives.ReadUInt16BigEndian(body)).ToArray()
                            : FirstUnknownStatement(body);
                        if (id is null || _known.ContainsKey(Convert.ToHexString(id)))
                        {
                            await SendAsync(stream, writeLock, frame.StreamId, 0x08, w => w.WriteInt32(0x0001));
                        }
                        else
                        {
                            Interlocked.Increment(ref _unpreparedAnswers);
                            await SendAsync(stream, writeLock, frame.StreamId, 0x00, w =>
                            {
                                w.WriteInt32(0x2500); // Unprepared
                                w.WriteString("Prepared query with ID " + Convert.ToHexString(id) + " not found");
                                w.WriteShortBytes(id);
                            });
                        }

                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException or SocketException)
        {
        }
    }

    /// <summary>The id of the first prepared entry of a BATCH body this node does not know, or null.</summary>
    private byte[]? FirstUnknownStatement(byte[] body)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(1));
        var offset = 3;
        for (var i = 0; i < count; i++)
        {
            byte[]? id = null;
            if (body[offset++] == 0)
            {
                offset += 4 + BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset));
            }
            else
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(offset));
                id = body.AsSpan(offset + 2, length).ToArray();
                offset += 2 + length;
            }

            if (id is not null && !_known.ContainsKey(Convert.ToHexString(id)))
            {
                return id;
            }

            var values = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(offset));
            offset += 2;
            for (var v = 0; v < values; v++)
            {
                offset += 4 + Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset)));
            }
        }

        return null;
    }

    private static byte[] StatementId(string query) => MD5.HashData(Encoding.UTF8.GetBytes(query));

    /// <summary>A v3 Prepared result: one int marker per <c>?</c> of ks.t, and no result metadata (a write).</summary>
    private static void WritePrepared(CqlBufferWriter writer, string query)
    {
        writer.WriteInt32(0x0004); // Prepared
        writer.WriteShortBytes(StatementId(query));
        var markers = query.Count(c => c == '?');
        writer.WriteInt32(0x0001); // Global_tables_spec
        writer.WriteInt32(markers);
        writer.WriteString("ks");
        writer.WriteString("t");
        for (var i = 0; i < markers; i++)
        {
            writer.WriteString("c" + i);
            writer.WriteUInt16((ushort)CqlTypeCode.Int);
        }

        writer.WriteInt32(0x0004); // No_metadata
        writer.WriteInt32(0);
    }

    /// <summary>system.peers_v2 rows: each peer at 127.0.0.1 on its own port, in dc1.</summary>
    private void WritePeerRows(CqlBufferWriter writer)
    {
        writer.WriteInt32(0x0002); // Rows
        writer.WriteInt32(0x0001); // Global_tables_spec
        writer.WriteInt32(4);
        writer.WriteString("system");
        writer.WriteString("peers_v2");
        foreach (var (name, type) in new[] { ("peer", CqlTypeCode.Inet), ("native_address", CqlTypeCode.Inet), ("native_port", CqlTypeCode.Int), ("data_center", CqlTypeCode.Varchar) })
        {
            writer.WriteString(name);
            writer.WriteUInt16((ushort)type);
        }

        writer.WriteInt32(Peers.Count);
        foreach (var peer in Peers)
        {
            writer.WriteBytes([127, 0, 0, 1]);
            writer.WriteBytes([127, 0, 0, 1]);
            writer.WriteInt32(4);
            writer.WriteInt32(peer.Port);
            writer.WriteBytes("dc1"u8);
        }
    }

    private static async Task SendAsync(Stream stream, SemaphoreSlim writeLock, short streamId, byte opcode, Action<CqlBufferWriter> writeBody)
    {
        using var writer = new CqlBufferWriter();
        var headerOffset = writer.Reserve(FrameHeader.Size);
        writeBody(writer);
        new FrameHeader(0x83, FrameFlags.None, streamId, (CqlConnector.Protocol.Opcode)opcode, writer.Position - FrameHeader.Size)
            .Write(writer.SpanAt(headerOffset, FrameHeader.Size));
        var bytes = writer.WrittenSpan.ToArray();
        await writeLock.WaitAsync();
        try
        {
            await stream.WriteAsync(bytes);
        }
        finally
        {
            writeLock.Release();
        }
    }
}
