using System.Net;
using System.Net.Sockets;
using CqlConnector.Connections.Compression;
using CqlConnector.Connections.Tls;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Connections;

/// <summary>Opening a connection: TCP (and TLS), protocol version negotiation, STARTUP, authentication, USE.</summary>
internal sealed partial class CqlPhysicalConnection
{
    private const string CqlVersion = "3.0.0";

    /// <summary>
    /// Opens a connection, offering the highest protocol version allowed and stepping down one version at a time
    /// when the node answers with a protocol error about the version, as production drivers do.
    /// </summary>
    public static async ValueTask<CqlPhysicalConnection> OpenAsync(EndPoint endPoint, ConnectionSettings settings, IOBehavior io, CancellationToken cancellationToken)
    {
        var version = settings.MaxProtocolVersion;
        while (true)
        {
            var connection = new CqlPhysicalConnection(endPoint, settings, version);
            try
            {
                await connection.ConnectAsync(io, cancellationToken).ConfigureAwait(false);
                await connection.StartupAsync(io, cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (CqlServerException ex) when (version > ProtocolVersion.V3 && IsVersionRejection(ex))
            {
                connection.Dispose();
                version--;
            }
            catch (CqlException ex) when (connection._stream is not null && (ex is CqlTimeoutException || (ex is CqlConnectionException && settings.Tls is null)))
            {
                connection.Dispose();
                throw TlsHandshake.HandshakeUnanswered(endPoint, settings, ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Whether the node refused the offered protocol version. Newer nodes answer with a PROTOCOL_ERROR; Cassandra 2.1
    /// answers a v4 frame with a SERVER_ERROR wrapping "Invalid or unsupported protocol version".
    /// </summary>
    private static bool IsVersionRejection(CqlServerException ex)
        => ex.Code is CqlErrorCode.ProtocolError or CqlErrorCode.ServerError
           && (ex.Message.Contains("protocol version", StringComparison.OrdinalIgnoreCase)
               // Cassandra 3.x has v5 only as a beta, which it refuses without the USE_BETA flag.
               || ex.Message.Contains("Beta version of the protocol", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Connects the socket (and TLS) on the connection's own reader thread, which then goes on reading. The socket is
    /// only ever used with blocking calls: on Unix, one asynchronous socket operation would turn it non-blocking for
    /// good, and every later blocking read would then wait on the runtime's event loop, which hands each wake-up to the
    /// thread pool: the reader would need a free pool thread to make progress, and every response would cost a pool
    /// work item. An asynchronous caller awaits the reader's signal without blocking a thread.
    /// </summary>
    private async ValueTask ConnectAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var socket = new Socket(EndPoint.AddressFamily == AddressFamily.Unspecified ? AddressFamily.InterNetwork : EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
        };
        _socket = socket;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartReader(connected);
        using (cancellationToken.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
        {
            bool done;
            try
            {
                if (io == IOBehavior.Synchronous)
                {
                    // Completed by the reader thread itself: this wait needs no thread-pool thread.
                    done = ((IAsyncResult)connected.Task).AsyncWaitHandle.WaitOne(_settings.ConnectTimeout);
                }
                else
                {
                    await connected.Task.WaitAsync(_settings.ConnectTimeout, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    done = connected.Task.IsCompleted;
                }

                if (!done)
                {
                    // The blocking connect (or TLS handshake) on the reader thread is aborted by closing the socket.
                    socket.Dispose();
                    throw new CqlConnectionException(
                        $"Could not connect to Cassandra at {EndPoint}: no answer within the connect timeout of {_settings.ConnectTimeout.TotalSeconds:0.#} s.", EndPoint);
                }

                connected.Task.GetAwaiter().GetResult();
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                throw new OperationCanceledException("Opening the connection was cancelled.", ex, cancellationToken);
            }
        }

        RequestTimeoutSweeper.Register(this);
    }

    /// <summary>On the reader thread: the blocking connect and TLS handshake, before the read loop starts.</summary>
    private void Connect(Socket socket)
    {
        try
        {
            // A plain blocking connect: a non-blocking connect would hand the socket to the runtime's event loop for
            // good. The caller bounds it with the connect timeout by closing the socket.
            socket.Connect(EndPoint);
        }
        catch (SocketException ex)
        {
            var reason = ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "nothing is listening on that port (is Cassandra running and is its native transport enabled?)",
                SocketError.TimedOut => $"no answer within the connect timeout of {_settings.ConnectTimeout.TotalSeconds:0.#} s",
                _ => ex.Message,
            };
            throw new CqlConnectionException($"Could not connect to Cassandra at {EndPoint}: {reason}.", EndPoint, ex);
        }

        // Set after the connect (on Linux SO_SNDTIMEO would also cut the blocking connect short): it bounds every send,
        // the TLS record writes of an SslStream included, since they end in this socket's blocking send.
        socket.SendTimeout = (int)Math.Clamp(_settings.SendStallTimeout.TotalMilliseconds, 1, int.MaxValue);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (_settings.Tls is { } tls)
        {
            stream = TlsHandshake.AuthenticateAsync(stream, socket, EndPoint, tls, _settings.ConnectTimeout, IOBehavior.Synchronous, CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        _stream = stream;
    }

    private async ValueTask StartupAsync(IOBehavior io, CancellationToken cancellationToken)
    {
        var timeout = _settings.ConnectTimeout;
        using (var supported = await SendAsync(OptionsRequest.Instance, timeout, io, cancellationToken).ConfigureAwait(false))
        {
            ExpectOpcode(supported, Opcode.Supported);
            var reader = new CqlReader(supported.Body);
            SupportedOptions = reader.ReadStringMultimap();
        }

        var options = new Dictionary<string, string>
        {
            ["CQL_VERSION"] = CqlVersion,
            ["DRIVER_NAME"] = "CqlConnector",
            ["DRIVER_VERSION"] = typeof(CqlPhysicalConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        };
        var compressor = ChooseCompression();
        if (compressor is not null)
        {
            options["COMPRESSION"] = compressor.Name;
            if (ProtocolVersion >= ProtocolVersion.V5)
            {
                _segmentCompression = true;
            }
            else
            {
                // The answer to STARTUP may already be compressed (§5); requests are compressed only after it.
                _bodyDecompressor = compressor;
            }

            Compression = compressor.Name;
        }

        CqlRequest request = new StartupRequest(options);
        while (true)
        {
            using var response = await SendAsync(request, timeout, io, cancellationToken).ConfigureAwait(false);
            _bodyCompressor = _bodyDecompressor;
            if (response.Opcode is Opcode.Ready or Opcode.AuthSuccess)
            {
                break;
            }

            if (response.Opcode == Opcode.Authenticate)
            {
                await AuthenticateAsync(new CqlReader(response.Body).ReadString(), io, cancellationToken).ConfigureAwait(false);
                break;
            }

            ExpectOpcode(response, Opcode.Ready);
        }

        if (_settings.Keyspace is { } keyspace)
        {
            await UseKeyspaceAsync(keyspace, io, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The compression algorithm negotiated in STARTUP ("lz4", "snappy"), or null when uncompressed.</summary>
    public string? Compression { get; private set; }

    /// <summary>
    /// The compressor for the configured algorithm when the node lists it in SUPPORTED's COMPRESSION; v5 has LZ4 only
    /// (at segment level), so a v5 connection configured for Snappy stays uncompressed.
    /// </summary>
    private FrameCompressor? ChooseCompression()
    {
        var name = _settings.Compression switch
        {
            CqlCompression.Lz4 => Lz4FrameCompressor.AlgorithmName,
            CqlCompression.Snappy when ProtocolVersion < ProtocolVersion.V5 => SnappyFrameCompressor.AlgorithmName,
            _ => null,
        };
        return name is not null
               && SupportedOptions.TryGetValue("COMPRESSION", out var algorithms)
               && algorithms.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? FrameCompressor.ForName(name)
            : null;
    }

    /// <summary>Sends USE for <paramref name="keyspace"/> (quoted, so its case is kept).</summary>
    public async ValueTask UseKeyspaceAsync(string keyspace, IOBehavior io, CancellationToken cancellationToken)
    {
        var request = new QueryRequest($"USE {CqlIdentifier.Quote(keyspace)}", new QueryParameters());
        using var response = await SendAsync(request, _settings.RequestTimeout, io, cancellationToken).ConfigureAwait(false);
        Keyspace = keyspace;
    }

    private void ExpectOpcode(ResponseFrame frame, Opcode expected)
    {
        if (frame.Opcode != expected)
        {
            throw new CqlProtocolViolationException($"The node {EndPoint} answered {frame.Opcode} where {expected} was expected.");
        }
    }
}
