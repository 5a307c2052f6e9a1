using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CqlConnector.Connections.Tls;

/// <summary>Reads the CA certificates of an <c>SSL Root Certificate</c> file: PEM (one or more) or a single DER.</summary>
internal static class RootCertificates
{
    public static X509Certificate2Collection Load(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                certificates.ImportFromPem(text);
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException(
                $"The 'SSL Root Certificate' file '{path}' could not be read as certificates: {ex.Message} "
                + "Give the path of the CA certificate that signed the nodes' certificates, in PEM or DER form.",
                ex);
        }

        if (certificates.Count == 0)
        {
            throw new ArgumentException(
                $"The 'SSL Root Certificate' file '{path}' holds no certificate. Give the CA certificate in PEM or DER form.");
        }

        return certificates;
    }
}
