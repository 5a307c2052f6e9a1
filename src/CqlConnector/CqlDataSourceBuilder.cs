using Microsoft.Extensions.Logging;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CqlConnector.Connections;
using CqlConnector.Connections.Tls;

namespace CqlConnector;

/// <summary>
/// Builds a <see cref="CqlDataSource"/> from a connection string plus what a connection string cannot carry: a
/// custom authenticator, TLS options (client certificates, protocols) and certificate validation in code.
/// </summary>
/// <example>
/// <code>
/// var builder = new CqlDataSourceBuilder("Contact Points=db1,db2;SSL=true;SSL Root Certificate=/etc/cassandra/ca.crt");
/// builder.UseAuthenticator(new PlainTextAuthenticator("app", secret));
/// await using var dataSource = builder.Build();
/// </code>
/// </example>
public sealed class CqlDataSourceBuilder
{
    private ILoggerFactory? _loggerFactory;
    private ILoadBalancingPolicy? _loadBalancingPolicy;
    private ICqlRetryPolicy? _retryPolicy;
    private ICqlReconnectionPolicy? _reconnectionPolicy;
    private ICqlSpeculativeExecutionPolicy? _speculativeExecutionPolicy;
    private ICqlAuthenticator? _authenticator;
    private SslClientAuthenticationOptions? _tlsOptions;
    private RemoteCertificateValidationCallback? _validationCallback;
    private X509Certificate2Collection? _rootCertificates;

    /// <summary>Creates a builder, optionally from a connection string.</summary>
    public CqlDataSourceBuilder(string? connectionString = null)
    {
        ConnectionStringBuilder = new CqlConnectionStringBuilder(connectionString);
    }

    /// <summary>The connection string settings; change them before <see cref="Build"/>.</summary>
    public CqlConnectionStringBuilder ConnectionStringBuilder { get; }

    /// <summary>The connection string as it stands.</summary>
    public string ConnectionString => ConnectionStringBuilder.ConnectionString;

    /// <summary>
    /// Answers the nodes' authentication with <paramref name="authenticator"/> instead of the connection string's
    /// <c>Username</c>/<c>Password</c>.
    /// </summary>
    public CqlDataSourceBuilder UseAuthenticator(ICqlAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        _authenticator = authenticator;
        return this;
    }

    /// <summary>
    /// Connects with TLS using <paramref name="options"/> (client certificates, protocol versions, cipher suites, chain
    /// policy, a validation callback). The connection string's SSL keys still apply where the options are silent; its
    /// <c>SSL Target Host</c> wins over <see cref="SslClientAuthenticationOptions.TargetHost"/>. The options are
    /// copied for each connection, never modified.
    /// </summary>
    public CqlDataSourceBuilder UseTls(SslClientAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tlsOptions = options;
        return this;
    }

    /// <summary>
    /// Decides in code whether a node's certificate is accepted, in place of the built-in validation. TLS must be on
    /// (<c>SSL=true</c> or <see cref="UseTls"/>).
    /// </summary>
    public CqlDataSourceBuilder UseRemoteCertificateValidationCallback(RemoteCertificateValidationCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _validationCallback = callback;
        return this;
    }

    /// <summary>
    /// Trusts only these CA certificates for the nodes' certificates (as <c>SSL Root Certificate</c> does with a
    /// file). TLS must be on (<c>SSL=true</c> or <see cref="UseTls"/>).
    /// </summary>
    public CqlDataSourceBuilder UseRootCertificates(X509Certificate2Collection certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        if (certificates.Count == 0)
        {
            throw new ArgumentException("The collection of root certificates is empty; give the CA certificate(s) that signed the nodes' certificates.", nameof(certificates));
        }

        _rootCertificates = certificates;
        return this;
    }

    /// <summary>Creates the data source. Each call creates a new one, with its own session.</summary>
    public CqlDataSource Build()
    {
        var settings = ConnectionSettings.FromBuilder(ConnectionStringBuilder);
        var tls = settings.Tls;
        if (tls is null && _tlsOptions is not null)
        {
            tls = new TlsOptions();
        }

        if (tls is null && (_validationCallback is not null || _rootCertificates is not null))
        {
            throw new InvalidOperationException(
                "A certificate validation callback or root certificates were given but TLS is off, so they would never be used. "
                + "Add 'SSL=true' to the connection string or call UseTls.");
        }

        if (tls is not null)
        {
            tls = new TlsOptions
            {
                ApplicationOptions = _tlsOptions,
                Validation = tls.Validation,
                RootCertificates = _rootCertificates ?? tls.RootCertificates,
                RootCertificatesSource = _rootCertificates is null ? tls.RootCertificatesSource : null,
                TargetHost = tls.TargetHost,
                ValidationCallback = _validationCallback,
            };
        }

        settings = settings with
        {
            Authenticator = _authenticator ?? settings.Authenticator,
            Tls = tls,
            LoadBalancingPolicy = _loadBalancingPolicy ?? settings.LoadBalancingPolicy,
            RetryPolicy = _retryPolicy ?? settings.RetryPolicy,
            ReconnectionPolicy = _reconnectionPolicy ?? settings.ReconnectionPolicy,
            SpeculativeExecutionPolicy = _speculativeExecutionPolicy ?? settings.SpeculativeExecutionPolicy,
        };
        return new CqlDataSource(ConnectionStringBuilder.ConnectionString, settings, _loggerFactory);
    }

    /// <summary>Logs the session's events (connections, hosts, retries, slow or failed requests) to <paramref name="loggerFactory"/>, category <c>CqlConnector</c>.</summary>
    public CqlDataSourceBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>Chooses the nodes each request goes to (default: token-aware over data-center-aware round robin).</summary>
    public CqlDataSourceBuilder UseLoadBalancingPolicy(ILoadBalancingPolicy policy)
    {
        _loadBalancingPolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>Decides which failed requests are sent again (default: <see cref="DefaultRetryPolicy"/>).</summary>
    public CqlDataSourceBuilder UseRetryPolicy(ICqlRetryPolicy policy)
    {
        _retryPolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>Schedules reconnections to nodes that went down (default: exponential from 100 ms to 10 s, jittered).</summary>
    public CqlDataSourceBuilder UseReconnectionPolicy(ICqlReconnectionPolicy policy)
    {
        _reconnectionPolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>Sends slow idempotent requests to another node too (default: never).</summary>
    public CqlDataSourceBuilder UseSpeculativeExecutionPolicy(ICqlSpeculativeExecutionPolicy policy)
    {
        _speculativeExecutionPolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }
}
