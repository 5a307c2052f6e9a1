using System.Net.Security;

namespace CqlConnector.Connections;

/// <summary>The immutable settings a session and its connections work with, parsed once from a connection string.</summary>
internal sealed class ConnectionSettings
{
    public required IReadOnlyList<string> ContactPoints { get; init; }

    public int Port { get; init; } = 9042;

    public string? Keyspace { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(12);

    public ProtocolVersion MaxProtocolVersion { get; init; } = ProtocolVersion.V5;

    public CqlCompression Compression { get; init; }

    public int PageSize { get; init; } = 5000;

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    public int MaxRequestsPerConnection { get; init; } = 2048;

    public SslClientAuthenticationOptions? Tls { get; init; }

    public static ConnectionSettings FromBuilder(CqlConnectionStringBuilder builder)
    {
        var contactPoints = builder.ContactPoints
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (contactPoints.Length == 0)
        {
            throw new ArgumentException("The connection string names no contact points. Add e.g. 'Contact Points=127.0.0.1'.");
        }

        if (builder.MaxProtocolVersion is < 3 or > 5)
        {
            throw new ArgumentException($"'Max Protocol Version' must be 3, 4 or 5, not {builder.MaxProtocolVersion}.");
        }

        return new ConnectionSettings
        {
            ContactPoints = contactPoints,
            Port = builder.Port,
            Keyspace = string.IsNullOrEmpty(builder.Keyspace) ? null : builder.Keyspace,
            Username = string.IsNullOrEmpty(builder.Username) ? null : builder.Username,
            Password = builder.Password,
            ConnectTimeout = TimeSpan.FromSeconds(builder.ConnectTimeout),
            RequestTimeout = builder.CommandTimeout <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(builder.CommandTimeout),
            MaxProtocolVersion = (ProtocolVersion)builder.MaxProtocolVersion,
            PageSize = builder.PageSize,
            Consistency = builder.Consistency,
            MaxRequestsPerConnection = builder.MaxRequestsPerConnection,
            Compression = builder.Compression,
            Tls = builder.Ssl ? new SslClientAuthenticationOptions() : null,
        };
    }
}
