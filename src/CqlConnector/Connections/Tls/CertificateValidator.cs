using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CqlConnector.Connections.Tls;

/// <summary>
/// Decides whether one node's certificate is accepted and, when it is not, remembers why: SslStream itself only says
/// that the callback refused it. With root certificates given, the chain is built against them alone (X509Chain with
/// <see cref="X509ChainTrustMode.CustomRootTrust"/>), never against the system's trust store.
/// </summary>
internal sealed class CertificateValidator(TlsOptions options, string targetHost, X509RevocationMode revocationMode)
{
    /// <summary>Why the certificate was refused; null while none was or when it was accepted.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>The certificate the node presented, once it did.</summary>
    public string? PresentedCertificate { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not null)
        {
            PresentedCertificate = $"subject '{certificate.Subject}', issuer '{certificate.Issuer}'";
        }

        RefusalReason = Check(sender, certificate, chain, errors);
        return RefusalReason is null;
    }

    private string? Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var callback = options.ValidationCallback ?? options.ApplicationOptions?.RemoteCertificateValidationCallback;
        if (callback is not null)
        {
            return callback(sender, certificate, chain, errors) ? null : "the application's certificate validation callback refused it";
        }

        if (options.Validation == SslCertificateValidation.None)
        {
            return null;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the node presented no certificate";
        }

        if (options.Validation == SslCertificateValidation.Full && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"it is not issued for '{targetHost}'. Set 'SSL Target Host' to a name the certificate carries, "
                   + "or 'SSL Certificate Validation=CA' to check only who signed it";
        }

        if (options.RootCertificates is { } roots)
        {
            return CheckAgainstRoots(certificate, chain, roots);
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            return $"certificate not trusted by this machine's trust store ({Describe(chain)}). "
                   + "Set 'SSL Root Certificate' to the file of the CA that signed the node's certificate";
        }

        return null;
    }

    private string? CheckAgainstRoots(X509Certificate certificate, X509Chain? presented, X509Certificate2Collection roots)
    {
        using var copy = certificate is X509Certificate2 ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var target = certificate as X509Certificate2 ?? copy!;
        using var chain = new X509Chain();
        chain.ChainPolicy = options.ApplicationOptions?.CertificateChainPolicy?.Clone() ?? new X509ChainPolicy();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Clear();
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = revocationMode;
        if (presented is not null)
        {
            // The intermediates the node sent along, so that a chain through them can be built.
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(target))
        {
            return null;
        }

        return $"certificate not trusted: it does not chain to the root certificate(s) of {options.RootCertificatesSource ?? "CqlDataSourceBuilder.UseRootCertificates"} "
               + $"({Describe(chain)}). Check that the file holds the CA that signed the node's certificate";
    }

    private static string Describe(X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : $"{s.Status}: {s.StatusInformation.Trim()}")
            .Distinct()
            .ToArray();
        return statuses is { Length: > 0 } ? string.Join("; ", statuses) : "the chain could not be built";
    }
}
