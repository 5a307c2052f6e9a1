using CqlConnector.Connections.Tls;

namespace CqlConnector.Connections;

/// <summary>The immutable settings a session and its connections work with, parsed once from a connection string.</summary>
internal sealed record ConnectionSettings
{
    public required IReadOnlyList<string> ContactPoints { get; init; }

    public int Port { get; init; } = 9042;

    public string? Keyspace { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one socket send may accept no byte before the connection is closed as defunct: the connect timeout,
    /// the bound already given to the node's TCP stack to answer at all. A node that stops reading (frozen, or gone
    /// behind a black hole that sends no reset) would otherwise hold the flushing caller in a kernel send for as long
    /// as TCP retransmits, many minutes. Not the request timeout: that one bounds the server's work, may be infinite,
    /// and is normally longer, so a stalled send fails as a connection failure (re-sent elsewhere when idempotent)
    /// before its requests would time out. A send that keeps making progress, however slowly, never trips it.
    /// </summary>
    public TimeSpan SendStallTimeout => ConnectTimeout > TimeSpan.Zero ? ConnectTimeout : TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(12);

    public ProtocolVersion MaxProtocolVersion { get; init; } = ProtocolVersion.V5;

    public CqlCompression Compression { get; init; }

    public int PageSize { get; init; } = 5000;

    public ConsistencyLevel Consistency { get; init; } = ConsistencyLevel.LocalOne;

    public int MaxRequestsPerConnection { get; init; } = 2048;

    /// <summary>Answers the node's AUTHENTICATE; from Username/Password, or CqlDataSourceBuilder.UseAuthenticator.</summary>
    public ICqlAuthenticator? Authenticator { get; init; }

    /// <summary>TLS for every connection; null for plain text.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Connections opened to each node.</summary>
    public int ConnectionsPerHost { get; init; } = 1;

    /// <summary>Requests that may wait for a free stream id per node before new ones fail fast.</summary>
    public int MaxQueueSize { get; init; } = 1024;

    /// <summary>An idle connection is sent OPTIONS after this long; zero disables heartbeats.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether asynchronous sends from a busy thread pool may be deferred to share one write (see CqlConnectionStringBuilder.DeferFlush).</summary>
    public bool DeferFlush { get; init; } = true;

    public ILoadBalancingPolicy LoadBalancingPolicy { get; init; } = new TokenAwarePolicy(new DcAwareRoundRobinPolicy());

    public ICqlRetryPolicy RetryPolicy { get; init; } = DefaultRetryPolicy.Instance;

    public ICqlReconnectionPolicy ReconnectionPolicy { get; init; } = new ExponentialReconnectionPolicy();

    public ICqlSpeculativeExecutionPolicy SpeculativeExecutionPolicy { get; init; } = NoSpeculativeExecutionPolicy.Instance;

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
            Authenticator = string.IsNullOrEmpty(builder.Username) ? null : new PlainTextAuthenticator(builder.Username, builder.Password ?? string.Empty),
            Tls = TlsOptions.FromConnectionString(builder),
            ConnectionsPerHost = builder.ConnectionsPerHost >= 1 ? builder.ConnectionsPerHost
                : throw new ArgumentException($"'Connections Per Host' must be at least 1, not {builder.ConnectionsPerHost}."),
            MaxQueueSize = Math.Max(0, builder.MaxQueueSize),
            HeartbeatInterval = TimeSpan.FromSeconds(Math.Max(0, builder.HeartbeatInterval)),
            DeferFlush = builder.DeferFlush,
            LoadBalancingPolicy = CreateLoadBalancingPolicy(builder),
            ReconnectionPolicy = new ExponentialReconnectionPolicy(
                TimeSpan.FromMilliseconds(builder.ReconnectBaseDelay), TimeSpan.FromMilliseconds(builder.ReconnectMaxDelay)),
            SpeculativeExecutionPolicy = builder.SpeculativeExecutionDelay > 0
                ? new ConstantSpeculativeExecutionPolicy(TimeSpan.FromMilliseconds(builder.SpeculativeExecutionDelay), Math.Max(1, builder.MaxSpeculativeExecutions))
                : NoSpeculativeExecutionPolicy.Instance,
        };
    }

    private static ILoadBalancingPolicy CreateLoadBalancingPolicy(CqlConnectionStringBuilder builder)
    {
        var localDc = string.IsNullOrEmpty(builder.LocalDatacenter) ? null : builder.LocalDatacenter;
        return builder.LoadBalancing.ToLowerInvariant() switch
        {
            "token-aware" or "tokenaware" => new TokenAwarePolicy(new DcAwareRoundRobinPolicy(localDc)),
            "dc-aware" or "dcaware" => new DcAwareRoundRobinPolicy(localDc),
            "round-robin" or "roundrobin" => new RoundRobinPolicy(),
            var other => throw new ArgumentException($"'Load Balancing={other}' is not known; use token-aware (the default), dc-aware or round-robin."),
        };
    }
}
