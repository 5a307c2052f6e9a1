using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>
/// What the in-process fake servers share: a listener on 127.0.0.1, one task serving each accepted connection, and a
/// shutdown that cuts every client connection at once, like a killed node.
/// </summary>
internal abstract class FakeServerHost : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<Task> _tasks = [];
    private readonly List<Socket> _sockets = [];

    /// <summary>Listens on <paramref name="port"/> (0: any free port; a given port restarts a stopped node).</summary>
    protected FakeServerHost(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// The kernel receive buffer of the connections accepted from now on (inherited from the listener); small, so that a
    /// connection that stops reading fills up after little data instead of after the tens of MB loopback autotuning allows.
    /// </summary>
    public int ReceiveBufferSize
    {
        get => _listener.Server.ReceiveBufferSize;
        set => _listener.Server.ReceiveBufferSize = value;
    }

    /// <summary>When set, connections accepted from now on speak TLS with this certificate (the client must not validate it).</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>The stream a connection is served over: the socket itself, or TLS over it when <see cref="ServerCertificate"/> is set.</summary>
    protected async Task<Stream> OpenStreamAsync(Socket socket)
    {
        var network = new NetworkStream(socket);
        if (ServerCertificate is not { } certificate)
        {
            return network;
        }

        var tls = new SslStream(network);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, Stop.Token);
        return tls;
    }

    /// <summary>A self-signed certificate for <see cref="ServerCertificate"/>, made in memory.</summary>
    public static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=fake-cassandra", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported as PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Cancelled when the server stops.</summary>
    protected CancellationTokenSource Stop { get; } = new();

    /// <summary>Starts listening; called by the subclass once it is fully constructed.</summary>
    protected void Start()
    {
        _listener.Start();
        _tasks.Add(AcceptLoopAsync());
    }

    /// <summary>The RESULT body of system.local for a single-node cluster in data center dc1 at <paramref name="releaseVersion"/>.</summary>
    protected static void WriteLocalRow(CqlConnector.Serialization.CqlBufferWriter writer, string releaseVersion)
    {
        writer.WriteInt32(0x0002); // Rows
        writer.WriteInt32(0x0001); // Global_tables_spec
        writer.WriteInt32(2);
        writer.WriteString("system");
        writer.WriteString("local");
        writer.WriteString("release_version");
        writer.WriteUInt16((ushort)CqlConnector.Serialization.CqlTypeCode.Varchar);
        writer.WriteString("data_center");
        writer.WriteUInt16((ushort)CqlConnector.Serialization.CqlTypeCode.Varchar);
        writer.WriteInt32(1);
        writer.WriteBytes(System.Text.Encoding.UTF8.GetBytes(releaseVersion));
        writer.WriteBytes("dc1"u8);
    }

    /// <summary>Serves one accepted connection until it closes or the server stops.</summary>
    protected abstract Task ServeAsync(Socket socket);

    private async Task AcceptLoopAsync()
    {
        while (!Stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(Stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_tasks)
            {
                _sockets.Add(socket);
                _tasks.Add(Task.Run(() => ServeAsync(socket)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop.Cancel();
        _listener.Stop();
        Task[] tasks;
        lock (_tasks)
        {
            tasks = [.. _tasks];
            foreach (var socket in _sockets)
            {
                socket.Close(0);
            }
        }

        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { })));
        Stop.Dispose();
    }
}
