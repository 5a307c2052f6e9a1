using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Cassandra.TestInfrastructure;

/// <summary>A reachable Cassandra node's native-protocol endpoint.</summary>
/// <param name="Host">Host name or IP address of the node to contact first.</param>
/// <param name="Port">Native protocol (CQL) port.</param>
/// <param name="Source">Where the node came from: <c>CASSANDRA_CONTACT_POINTS</c>, <c>docker cassandra:5.0</c>
/// or <c>local node (scripts/cassandra.sh)</c>.</param>
public sealed record CassandraEndpoint(string Host, int Port, string Source)
{
    /// <summary>Every contact point given (for <c>CASSANDRA_CONTACT_POINTS</c>; otherwise just this one), first the
    /// one that answered.</summary>
    public IReadOnlyList<DnsEndPoint> ContactPoints { get; init; } = [new DnsEndPoint(Host, Port)];

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port} ({Source})";
}

/// <summary>
/// Finds the real Cassandra node the tests run against (DESIGN.md, "Real server, everywhere"), once per test process:
/// <list type="number">
/// <item><c>CASSANDRA_CONTACT_POINTS</c>: an existing cluster (comma-separated <c>host</c> or <c>host:port</c>; the
/// default port is <c>CASSANDRA_PORT</c> or 9042);</item>
/// <item>a Docker engine (<c>DOCKER_HOST</c> set, or a Docker socket that accepts a connection): a Testcontainers
/// <c>cassandra:5.0</c> container;</item>
/// <item>otherwise the local node that <c>scripts/cassandra.sh start</c> installs and starts (Cassandra 2.1.0 on
/// Java 17).</item>
/// </list>
/// <c>CASSANDRA_TEST_SERVER=local</c> or <c>=docker</c> skips the Docker detection and forces one of the last two.
/// </summary>
/// <remarks>
/// The result, success or failure, is computed once and shared: a node that could not be started fails every test
/// with the same message instead of being started again for each one. No CQL driver is used here; readiness is a
/// TCP connect that answers a 9-byte CQL OPTIONS request (plus, for the container and the local node, the
/// "Starting listening for CQL clients" log line).
/// </remarks>
public static class CassandraServer
{
    /// <summary>Container image used when a Docker engine is available.</summary>
    public const string DockerImage = "cassandra:5.0";

    private const int NativePort = 9042;
    private const string ReadyLogLine = "Starting listening for CQL clients";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    // version 3 request, flags 0, stream 1, opcode OPTIONS (0x05), body length 0
    private static readonly byte[] OptionsRequestV3 = [0x03, 0x00, 0x00, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00];
    private const byte OpcodeError = 0x00;
    private const byte OpcodeSupported = 0x06;

    private static readonly Lazy<Task<CassandraEndpoint>> Endpoint =
        new(() => Task.Run(DiscoverAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept alive for the whole test run; Testcontainers' resource reaper removes it when the process ends.
    private static IContainer? s_container;

    /// <summary>Which server the tests use, for printing in test output; "not resolved yet" before
    /// <see cref="GetAsync"/> completes.</summary>
    public static string Description { get; private set; } = "not resolved yet";

    /// <summary>Returns the node to test against, finding or starting it on the first call.</summary>
    public static Task<CassandraEndpoint> GetAsync() => Endpoint.Value;

    private static async Task<CassandraEndpoint> DiscoverAsync()
    {
        CassandraEndpoint endpoint;
        try
        {
            endpoint = await FindAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Description = "unavailable: " + exception.Message;
            throw;
        }

        Description = endpoint.ToString();
        Console.WriteLine($"Cassandra for tests: {Description}");
        return endpoint;
    }

    private static async Task<CassandraEndpoint> FindAsync()
    {
        string? contactPoints = Environment.GetEnvironmentVariable("CASSANDRA_CONTACT_POINTS");
        if (!string.IsNullOrWhiteSpace(contactPoints))
        {
            return await FromContactPointsAsync(contactPoints).ConfigureAwait(false);
        }

        string? forced = Environment.GetEnvironmentVariable("CASSANDRA_TEST_SERVER")?.Trim().ToLowerInvariant();
        string? dockerReason = forced switch
        {
            "docker" => "CASSANDRA_TEST_SERVER=docker",
            "local" => null,
            null or "" => await FindDockerEngineAsync().ConfigureAwait(false),
            _ => throw new InvalidOperationException(
                $"CASSANDRA_TEST_SERVER is '{forced}'; use 'docker', 'local', or leave it unset to detect Docker."),
        };
        return dockerReason is not null
            ? await StartContainerAsync(dockerReason).ConfigureAwait(false)
            : await StartLocalNodeAsync().ConfigureAwait(false);
    }

    // (a) An existing cluster.
    private static async Task<CassandraEndpoint> FromContactPointsAsync(string contactPoints)
    {
        int defaultPort = DefaultPort();
        List<DnsEndPoint> endpoints = [.. contactPoints
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => ParseHostPort(entry, defaultPort))];
        if (endpoints.Count == 0)
        {
            throw new InvalidOperationException($"CASSANDRA_CONTACT_POINTS='{contactPoints}' names no host.");
        }

        var failures = new StringBuilder();
        foreach (DnsEndPoint candidate in endpoints)
        {
            Exception? failure = await TryProbeAsync(candidate.Host, candidate.Port).ConfigureAwait(false);
            if (failure is null)
            {
                List<DnsEndPoint> ordered = [candidate, .. endpoints.Where(e => !ReferenceEquals(e, candidate))];
                return new CassandraEndpoint(candidate.Host, candidate.Port, "CASSANDRA_CONTACT_POINTS")
                {
                    ContactPoints = ordered,
                };
            }

            failures.Append($"{Environment.NewLine}  {candidate.Host}:{candidate.Port}: {failure.Message}");
        }

        throw new InvalidOperationException(
            $"CASSANDRA_CONTACT_POINTS='{contactPoints}' is set but none of its hosts answers a CQL request:{failures}" +
            $"{Environment.NewLine}Check the addresses and ports (CASSANDRA_PORT is the default port), or unset it " +
            "to use Docker or the local node started by scripts/cassandra.sh.");
    }

    // "host", "host:port", "[v6]:port" or a bare IPv6 address.
    private static DnsEndPoint ParseHostPort(string entry, int defaultPort)
    {
        string host = entry;
        int port = defaultPort;
        if (entry.StartsWith('['))
        {
            int close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new InvalidOperationException($"CASSANDRA_CONTACT_POINTS entry '{entry}' lacks its closing ']'.");
            }

            host = entry[1..close];
            string rest = entry[(close + 1)..];
            if (rest.StartsWith(':'))
            {
                port = ParsePort(rest[1..], entry);
            }
        }
        else if (entry.Count(c => c == ':') == 1)
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            host = entry[..colon];
            port = ParsePort(entry[(colon + 1)..], entry);
        }

        return new DnsEndPoint(host, port);
    }

    private static int ParsePort(string text, string context) =>
        int.TryParse(text, out int port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"'{context}' has an invalid port '{text}' (expected 1-65535).");

    private static int DefaultPort()
    {
        string? text = Environment.GetEnvironmentVariable("CASSANDRA_PORT");
        return string.IsNullOrWhiteSpace(text) ? NativePort : ParsePort(text.Trim(), "CASSANDRA_PORT");
    }

    // (b) Docker: only when an engine actually answers, so that a machine with just the docker CLI (or a socket file
    // left behind by a stopped engine) goes on to the local node instead of failing. Returns why Docker was chosen,
    // or null.
    private static async Task<string?> FindDockerEngineAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            return "DOCKER_HOST is set";
        }

        List<string> sockets = ["/var/run/docker.sock"];
        string? runtimeDir = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtimeDir))
        {
            sockets.Add(Path.Combine(runtimeDir, "docker.sock")); // rootless Docker
        }

        foreach (string path in sockets)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).ConfigureAwait(false);
                return path + " accepts connections";
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                // Socket file without a live engine behind it: try the next one.
            }
        }

        return null;
    }

    private static async Task<CassandraEndpoint> StartContainerAsync(string dockerReason)
    {
        IContainer? container = null;
        try
        {
            // Testcontainers 4.16 marks the parameterless ContainerBuilder() obsolete (an error here, warnings being
            // errors): the image goes to the constructor. Build() already talks to the engine, hence inside the try.
            container = new ContainerBuilder(DockerImage)
                .WithPortBinding(NativePort, assignRandomHostPort: true)
                .WithEnvironment("MAX_HEAP_SIZE", "1024M")
                .WithEnvironment("HEAP_NEWSIZE", "128M")
                .WithEnvironment("JVM_OPTS", "-Dcassandra.skip_wait_for_gossip_to_settle=0")
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged(ReadyLogLine))
                .Build();
            using var timeout = new CancellationTokenSource(ScriptTimeout);
            await container.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (container is not null)
            {
                await container.DisposeAsync().ConfigureAwait(false);
            }

            throw new InvalidOperationException(
                $"Docker was chosen ({dockerReason}) but the {DockerImage} container did not become ready: " +
                $"{exception.Message} Set CASSANDRA_TEST_SERVER=local to use the local node from scripts/cassandra.sh.",
                exception);
        }

        s_container = container;
        string host = container.Hostname;
        int port = container.GetMappedPublicPort(NativePort);
        await WaitUntilServingCqlAsync(host, port, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return new CassandraEndpoint(host, port, "docker " + DockerImage);
    }

    // (c) The node scripts/cassandra.sh installs and starts. The script itself waits until the node serves CQL, is a
    // no-op when a node already answers, and is serialised by a lock when test assemblies run in parallel.
    private static async Task<CassandraEndpoint> StartLocalNodeAsync()
    {
        string script = FindScript();
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script))!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add("start");

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start 'bash {script} start'.");
        process.StandardInput.Close(); // no interaction: the script must never wait for input
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(ScriptTimeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: false);
                throw new InvalidOperationException(
                    $"'{script} start' did not finish within {ScriptTimeout.TotalMinutes} minutes.{Environment.NewLine}" +
                    await Output().ConfigureAwait(false));
            }
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{script} start' failed with exit code {process.ExitCode}; no Cassandra node to test against. " +
                $"Its output:{Environment.NewLine}{await Output().ConfigureAwait(false)}");
        }

        string host = Environment.GetEnvironmentVariable("CASSANDRA_LISTEN_ADDRESS") is { Length: > 0 } address
            ? address
            : "127.0.0.1";
        int port = DefaultPort();
        await WaitUntilServingCqlAsync(host, port, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return new CassandraEndpoint(host, port, "local node (scripts/cassandra.sh)");

        async Task<string> Output() =>
            (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
    }

    private static string FindScript()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "scripts", "cassandra.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No Cassandra to test against: CASSANDRA_CONTACT_POINTS is not set, no Docker engine answers, and no " +
            $"scripts/cassandra.sh was found in any folder above {AppContext.BaseDirectory}. Run the tests from the " +
            "repository, or set CASSANDRA_CONTACT_POINTS.");
    }

    private static async Task WaitUntilServingCqlAsync(string host, int port, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            Exception? failure = await TryProbeAsync(host, port).ConfigureAwait(false);
            if (failure is null)
            {
                return;
            }

            if (stopwatch.Elapsed > limit)
            {
                throw new InvalidOperationException(
                    $"Cassandra at {host}:{port} was reported ready but does not answer a CQL OPTIONS request: " +
                    failure.Message,
                    failure);
            }

            await Task.Delay(250).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Connects and sends a protocol v3 OPTIONS request; returns null when a CQL response frame comes back (SUPPORTED,
    /// or an ERROR from a server that no longer speaks v3), else the failure.
    /// </summary>
    /// <remarks>
    /// A bare TCP connect is not proof enough: behind some egress proxies every outbound connect succeeds (a sandbox
    /// here accepts connections to any 10.x address and answers "HTTP/1.1 400"). Nine bytes of protocol are.
    /// </remarks>
    private static async Task<Exception?> TryProbeAsync(string host, int port)
    {
        using var client = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync(OptionsRequestV3, timeout.Token).ConfigureAwait(false);
            byte[] header = new byte[9];
            await stream.ReadExactlyAsync(header, timeout.Token).ConfigureAwait(false);
            bool isCqlResponse = (header[0] & 0x80) != 0 && (header[0] & 0x7F) is >= 1 and <= 6
                && header[4] is OpcodeSupported or OpcodeError;
            return isCqlResponse
                ? null
                : new InvalidDataException(
                    $"something answers on {host}:{port} but not in CQL (first bytes {Convert.ToHexString(header)})");
        }
        catch (OperationCanceledException)
        {
            return new TimeoutException($"no answer within {ConnectTimeout.TotalSeconds} s");
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return exception;
        }
    }
}
