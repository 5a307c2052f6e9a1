using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CqlConnector.Connections.Tls;

/// <summary>
/// TLS settings of a data source: from the connection string's SSL keys and, optionally, from
/// <see cref="CqlDataSourceBuilder.UseTls"/> options, which take precedence where both speak.
/// </summary>
internal sealed class TlsOptions
{
    /// <summary>Options the application gave (client certificates, protocols, its own validation...); never mutated.</summary>
    public SslClientAuthenticationOptions? ApplicationOptions { get; init; }

    public SslCertificateValidation Validation { get; init; } = SslCertificateValidation.Full;

    /// <summary>The CAs to trust instead of the system's trust store, when given.</summary>
    public X509Certificate2Collection? RootCertificates { get; init; }

    /// <summary>Where <see cref="RootCertificates"/> came from, for messages.</summary>
    public string? RootCertificatesSource { get; init; }

    public string? TargetHost { get; init; }

    public RemoteCertificateValidationCallback? ValidationCallback { get; init; }

    /// <summary>The TLS settings of a connection string; null when <c>SSL</c> is off.</summary>
    public static TlsOptions? FromConnectionString(CqlConnectionStringBuilder builder)
    {
        if (!builder.Ssl)
        {
            var stray = new[] { "SSL Root Certificate", "SSL Target Host", "SSL Certificate Validation" }.FirstOrDefault(builder.ContainsKey);
            if (stray is not null)
            {
                throw new ArgumentException($"The connection string sets '{stray}' but not SSL=true, so it would connect without TLS. Add 'SSL=true'.");
            }

            return null;
        }

        return new TlsOptions
        {
            Validation = builder.SslCertificateValidation,
            RootCertificates = builder.SslRootCertificate is { Length: > 0 } path ? Tls.RootCertificates.Load(path) : null,
            RootCertificatesSource = builder.SslRootCertificate is { Length: > 0 } source ? $"'SSL Root Certificate' ({source})" : null,
            TargetHost = builder.SslTargetHost is { Length: > 0 } host ? host : null,
        };
    }

    /// <summary>
    /// The options for one TLS handshake with <paramref name="endPoint"/>: a copy of the application's, with a
    /// validation callback that records why a certificate was refused in <paramref name="validator"/>.
    /// </summary>
    public SslClientAuthenticationOptions CreateClientOptions(EndPoint endPoint, out CertificateValidator validator)
    {
        var application = ApplicationOptions;
        var targetHost = TargetHost
            ?? (string.IsNullOrEmpty(application?.TargetHost) ? null : application.TargetHost)
            ?? (endPoint as DnsEndPoint)?.Host
            ?? (endPoint as IPEndPoint)?.Address.ToString()
            ?? string.Empty;
        validator = new CertificateValidator(this, targetHost, application?.CertificateRevocationCheckMode ?? X509RevocationMode.NoCheck);
        return new SslClientAuthenticationOptions
        {
            TargetHost = targetHost,
            RemoteCertificateValidationCallback = validator.Validate,
            ClientCertificates = application?.ClientCertificates,
            ClientCertificateContext = application?.ClientCertificateContext,
            LocalCertificateSelectionCallback = application?.LocalCertificateSelectionCallback,
            EnabledSslProtocols = application?.EnabledSslProtocols ?? default,
            CertificateRevocationCheckMode = application?.CertificateRevocationCheckMode ?? X509RevocationMode.NoCheck,
            CertificateChainPolicy = application?.CertificateChainPolicy,
            CipherSuitesPolicy = application?.CipherSuitesPolicy,
            ApplicationProtocols = application?.ApplicationProtocols,
            AllowRenegotiation = application?.AllowRenegotiation ?? true,
            AllowTlsResume = application?.AllowTlsResume ?? true,
        };
    }
}
