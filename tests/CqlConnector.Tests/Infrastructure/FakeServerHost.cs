using System.Net;
using System.Net.Sockets;

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
