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

    /// <summary>Seconds to wait for a TCP (and TLS) connection and the protocol handshake (default 5).</summary>
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

    /// <summary>Whether to connect with TLS, validating the server certificate against the system's trust store.</summary>
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
