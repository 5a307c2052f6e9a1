using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CqlConnector;

/// <summary>
/// Builds and parses CqlConnector connection strings, e.g.
/// <c>Contact Points=10.0.0.1,10.0.0.2;Port=9042;Keyspace=shop;Username=app;Password=secret</c>.
/// Keys are case-insensitive; unknown keys are rejected with the list of known ones.
/// </summary>
public sealed class CqlConnectionStringBuilder : DbConnectionStringBuilder
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contact Points"] = "Contact Points",
        ["ContactPoints"] = "Contact Points",
        ["Host"] = "Contact Points",
        ["Server"] = "Contact Points",
        ["Port"] = "Port",
        ["Keyspace"] = "Keyspace",
        ["Database"] = "Keyspace",
        ["Username"] = "Username",
        ["User Name"] = "Username",
        ["User ID"] = "Username",
        ["Password"] = "Password",
        ["Connect Timeout"] = "Connect Timeout",
        ["Command Timeout"] = "Command Timeout",
        ["Max Protocol Version"] = "Max Protocol Version",
        ["Page Size"] = "Page Size",
        ["Consistency"] = "Consistency",
        ["Max Requests Per Connection"] = "Max Requests Per Connection",
        ["SSL"] = "SSL",
        ["Compression"] = "Compression",
        ["Connections Per Host"] = "Connections Per Host",
        ["Max Queue Size"] = "Max Queue Size",
        ["Heartbeat Interval"] = "Heartbeat Interval",
        ["Defer Flush"] = "Defer Flush",
        ["Load Balancing"] = "Load Balancing",
        ["Local Datacenter"] = "Local Datacenter",
        ["Speculative Execution Delay"] = "Speculative Execution Delay",
        ["Max Speculative Executions"] = "Max Speculative Executions",
        ["Reconnect Base Delay"] = "Reconnect Base Delay",
        ["Reconnect Max Delay"] = "Reconnect Max Delay",
        ["SSL Root Certificate"] = "SSL Root Certificate",
        ["Root Certificate"] = "SSL Root Certificate",
        ["SSL Target Host"] = "SSL Target Host",
        ["SSL Certificate Validation"] = "SSL Certificate Validation",
    };

    /// <summary>Creates an empty builder.</summary>
    public CqlConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder from a connection string.</summary>
    public CqlConnectionStringBuilder(string? connectionString)
    {
        ConnectionString = connectionString ?? string.Empty;
    }

    /// <summary>Comma-separated host names or addresses to connect to first (optionally <c>host:port</c>).</summary>
    public string ContactPoints
    {
        get => GetString("Contact Points") ?? "127.0.0.1";
        set => base["Contact Points"] = value;
    }

    /// <summary>The native transport port (default 9042).</summary>
    public int Port
    {
        get => GetInt("Port", 9042);
        set => base["Port"] = value;
    }

    /// <summary>The keyspace to USE on every connection (optional).</summary>
    public string? Keyspace
    {
        get => GetString("Keyspace");
        set => base["Keyspace"] = value;
    }

    /// <summary>User name for PasswordAuthenticator.</summary>
    public string? Username
    {
        get => GetString("Username");
        set => base["Username"] = value;
    }

    /// <summary>Password for PasswordAuthenticator.</summary>
    public string? Password
    {
        get => GetString("Password");
        set => base["Password"] = value;
    }

    /// <summary>
    /// Seconds to wait for a TCP (and TLS) connection and the protocol handshake (default 5); also how long a send on an
    /// open connection may make no progress (the node stopped reading) before the connection is closed and replaced.
    /// </summary>
    public int ConnectTimeout
    {
        get => GetInt("Connect Timeout", 5);
        set => base["Connect Timeout"] = value;
    }

    /// <summary>Seconds to wait for the answer to each request (default 12); 0 waits forever.</summary>
    public int CommandTimeout
    {
        get => GetInt("Command Timeout", 12);
        set => base["Command Timeout"] = value;
    }

    /// <summary>The highest native protocol version to offer (3, 4 or 5; default 5); the client steps down from it.</summary>
    public int MaxProtocolVersion
    {
        get => GetInt("Max Protocol Version", 5);
        set => base["Max Protocol Version"] = value;
    }

    /// <summary>Rows per page when reading results (default 5000).</summary>
    public int PageSize
    {
        get => GetInt("Page Size", 5000);
        set => base["Page Size"] = value;
    }

    /// <summary>The default consistency level (default LocalOne).</summary>
    public ConsistencyLevel Consistency
    {
        get => GetString("Consistency") is { } text ? Enum.Parse<ConsistencyLevel>(text, ignoreCase: true) : ConsistencyLevel.LocalOne;
        set => base["Consistency"] = value.ToString();
    }

    /// <summary>Requests in flight at once on one connection (stream ids; default 2048, at most 32768).</summary>
    public int MaxRequestsPerConnection
    {
        get => GetInt("Max Requests Per Connection", 2048);
        set => base["Max Requests Per Connection"] = value;
    }

    /// <summary>
    /// Whether to connect with TLS (default false). The node's certificate is validated as
    /// <see cref="SslCertificateValidation"/> says, against <see cref="SslRootCertificate"/> or the system's trust store.
    /// </summary>
    public bool Ssl
    {
        get => GetString("SSL") is { } text && bool.Parse(text);
        set => base["SSL"] = value;
    }

    /// <summary>
    /// Compression to ask the node for (<c>lz4</c>, <c>snappy</c> or <c>none</c>, the default); used only when the node
    /// supports it. Protocol v5 compresses with LZ4 only.
    /// </summary>
    public CqlCompression Compression
    {
        get => GetString("Compression") is { Length: > 0 } text
            ? Enum.TryParse<CqlCompression>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
                ? value
                : throw new ArgumentException($"The connection string value 'Compression={text}' is not a known compression; use lz4, snappy or none.")
            : CqlCompression.None;
        set => base["Compression"] = value.ToString().ToLowerInvariant();
    }

    /// <summary>Connections opened to each node (default 1; each carries up to 'Max Requests Per Connection' requests at once).</summary>
    public int ConnectionsPerHost
    {
        get => GetInt("Connections Per Host", 1);
        set => base["Connections Per Host"] = value;
    }

    /// <summary>Requests that may wait per node when all its connections are saturated, before new ones fail fast (default 1024).</summary>
    public int MaxQueueSize
    {
        get => GetInt("Max Queue Size", 1024);
        set => base["Max Queue Size"] = value;
    }

    /// <summary>Seconds of idleness after which a connection is sent a heartbeat (default 30; 0 disables).</summary>
    public int HeartbeatInterval
    {
        get => GetInt("Heartbeat Interval", 30);
        set => base["Heartbeat Interval"] = value;
    }

    /// <summary>
    /// Whether an asynchronous request sent from a thread-pool thread while other pool work is queued may leave its send
    /// to a work item queued behind that work, so that the requests of one burst share one send (default true: about a
    /// quarter less client CPU at high concurrency). The send then waits behind the work already queued; an application
    /// whose pool queue holds long-running items, and that prefers the lowest latency, sets it to false.
    /// </summary>
    public bool DeferFlush
    {
        get => GetString("Defer Flush") is not { Length: > 0 } text || bool.Parse(text);
        set => base["Defer Flush"] = value;
    }

    /// <summary>token-aware (default: replicas of the partition first, local data center first), dc-aware or round-robin.</summary>
    public string LoadBalancing
    {
        get => GetString("Load Balancing") ?? "token-aware";
        set => base["Load Balancing"] = value;
    }

    /// <summary>The local data center; by default the data center of the first contact point reached.</summary>
    public string? LocalDatacenter
    {
        get => GetString("Local Datacenter");
        set => base["Local Datacenter"] = value;
    }

    /// <summary>Milliseconds after which an idempotent request is also sent to the next node (default 0: never).</summary>
    public int SpeculativeExecutionDelay
    {
        get => GetInt("Speculative Execution Delay", 0);
        set => base["Speculative Execution Delay"] = value;
    }

    /// <summary>How many speculative executions at most per request (default 1).</summary>
    public int MaxSpeculativeExecutions
    {
        get => GetInt("Max Speculative Executions", 1);
        set => base["Max Speculative Executions"] = value;
    }

    /// <summary>Milliseconds before the first reconnection attempt to a node that went down (default 100, then doubling, jittered).</summary>
    public int ReconnectBaseDelay
    {
        get => GetInt("Reconnect Base Delay", 100);
        set => base["Reconnect Base Delay"] = value;
    }

    /// <summary>The longest wait in milliseconds between reconnection attempts (default 10000).</summary>
    public int ReconnectMaxDelay
    {
        get => GetInt("Reconnect Max Delay", 10_000);
        set => base["Reconnect Max Delay"] = value;
    }

    /// <summary>
    /// Path of a PEM or DER file with the CA certificate(s) that signed the nodes' certificates. When set, only these
    /// are trusted, not the system's trust store.
    /// </summary>
    public string? SslRootCertificate
    {
        get => GetString("SSL Root Certificate");
        set => base["SSL Root Certificate"] = value;
    }

    /// <summary>The host name the nodes' certificates must carry (and the TLS SNI); default: the contact point.</summary>
    public string? SslTargetHost
    {
        get => GetString("SSL Target Host");
        set => base["SSL Target Host"] = value;
    }

    /// <summary>How the node's certificate is checked: Full (default), CA (issuer only) or None.</summary>
    public SslCertificateValidation SslCertificateValidation
    {
        get => GetString("SSL Certificate Validation") is { Length: > 0 } text
            ? Enum.TryParse<SslCertificateValidation>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
                ? value
                : throw new ArgumentException($"'SSL Certificate Validation={text}' is not a validation mode; use Full, CA or None.")
            : SslCertificateValidation.Full;
        set => base["SSL Certificate Validation"] = value.ToString();
    }

    /// <inheritdoc />
    [AllowNull]
    public override object this[string keyword]
    {
        get => base[Canonical(keyword)];
        set => base[Canonical(keyword)] = value;
    }

    /// <inheritdoc />
    public override bool ContainsKey(string keyword) => Synonyms.TryGetValue(keyword, out var key) && base.ContainsKey(key);

    /// <inheritdoc />
    public override bool Remove(string keyword) => Synonyms.TryGetValue(keyword, out var key) && base.Remove(key);

    /// <inheritdoc />
    public override bool TryGetValue(string keyword, [NotNullWhen(true)] out object? value)
    {
        value = null;
        return Synonyms.TryGetValue(keyword, out var key) && base.TryGetValue(key, out value);
    }

    private static string Canonical(string keyword) => Synonyms.TryGetValue(keyword, out var key)
        ? key
        : throw new ArgumentException(
            $"'{keyword}' is not a CqlConnector connection string key. Known keys: {string.Join(", ", Synonyms.Values.Distinct())}.",
            nameof(keyword));

    private string? GetString(string key) => base.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private int GetInt(string key, int defaultValue)
    {
        var text = GetString(key);
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"The connection string value '{key}={text}' is not an integer.");
    }
}
