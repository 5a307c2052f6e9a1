using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace CqlConnector.Tests.Security;

/// <summary>Client encryption on a real node (scripts/cassandra.sh --variant tls), its certificate signed by a test CA.</summary>
[Collection(TlsNodeCollection.Name)]
public sealed class TlsTests(TlsNode node)
{
    private static async Task<string?> ReleaseVersionAsync(CqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT release_version FROM system.local");
        return (string?)await command.ExecuteScalarAsync();
    }

    private string Tls(string extra = "") => $"{node.ConnectionString};SSL=true;{extra}";

    [Fact]
    public async Task Connects_validating_the_node_against_the_test_CA()
    {
        await using var dataSource = CqlDataSource.Create(Tls($"SSL Root Certificate={node.CaCertificate}"));
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
    }

    [Fact]
    public void Connects_synchronously_validating_the_node_against_the_test_CA()
    {
        using var connection = new CqlConnection(Tls($"Root Certificate={node.CaCertificate}"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT release_version FROM system.local";
        Assert.IsType<string>(command.ExecuteScalar());
    }

    [Fact]
    public async Task Refuses_a_node_whose_certificate_does_not_chain_to_the_given_root()
    {
        await using var dataSource = CqlDataSource.Create(Tls($"SSL Root Certificate={node.UntrustedCertificate}"));
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => ReleaseVersionAsync(dataSource));

        Assert.Contains($"The TLS handshake with {node.Host}:{node.Port} failed", error.Message);
        Assert.Contains("certificate not trusted", error.Message);
        Assert.Contains("issuer 'CN=CqlConnector test CA'", error.Message);
        Assert.Contains(node.UntrustedCertificate, error.Message);
    }

    [Fact]
    public async Task Refuses_the_test_CA_when_only_the_system_trust_store_is_trusted()
    {
        await using var dataSource = CqlDataSource.Create(Tls());
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => ReleaseVersionAsync(dataSource));

        Assert.Contains("certificate not trusted by this machine's trust store", error.Message);
        Assert.Contains("Set 'SSL Root Certificate'", error.Message);
    }

    [Fact]
    public async Task Full_validation_refuses_a_certificate_for_another_host_and_CA_validation_accepts_it()
    {
        await using (var full = CqlDataSource.Create(Tls($"SSL Root Certificate={node.CaCertificate};SSL Target Host=db.example.com")))
        {
            var error = await Assert.ThrowsAsync<CqlConnectionException>(() => ReleaseVersionAsync(full));
            Assert.Contains("it is not issued for 'db.example.com'", error.Message);
        }

        await using var caOnly = CqlDataSource.Create(
            Tls($"SSL Root Certificate={node.CaCertificate};SSL Target Host=db.example.com;SSL Certificate Validation=CA"));
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(caOnly)));
    }

    [Fact]
    public async Task Validation_None_accepts_any_certificate()
    {
        await using var dataSource = CqlDataSource.Create(Tls($"SSL Root Certificate={node.UntrustedCertificate};SSL Certificate Validation=None"));
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
    }

    [Fact]
    public async Task The_builder_takes_root_certificates_and_TLS_options_in_code()
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(node.CaCertificate);
        var builder = new CqlDataSourceBuilder(node.ConnectionString)
            .UseTls(new SslClientAuthenticationOptions { EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12 })
            .UseRootCertificates(roots);
        await using var dataSource = builder.Build();
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
    }

    [Fact]
    public async Task A_validation_callback_decides_in_place_of_the_built_in_checks()
    {
        X509Certificate? seen = null;
        await using (var accepting = new CqlDataSourceBuilder(Tls())
                         .UseRemoteCertificateValidationCallback((_, certificate, _, _) => (seen = certificate) is not null)
                         .Build())
        {
            Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(accepting)));
            Assert.Equal("CN=127.0.0.3", seen?.Subject);
        }

        await using var refusing = new CqlDataSourceBuilder(Tls($"SSL Root Certificate={node.CaCertificate}"))
            .UseRemoteCertificateValidationCallback((_, _, _, _) => false)
            .Build();
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => ReleaseVersionAsync(refusing));
        Assert.Contains("the application's certificate validation callback refused it", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_plain_text_client_against_the_TLS_port_is_told_to_use_SSL(bool synchronous)
    {
        // Cassandra 2.1 reads the OPTIONS frame as a broken TLS record and hangs up at once.
        var connectionString = $"Contact Points={node.Host};Port={node.Port};Connect Timeout=2";
        var error = synchronous
            ? Assert.Throws<CqlConnectionException>(() =>
            {
                using var connection = new CqlConnection(connectionString);
                connection.Open();
            })
            : await Assert.ThrowsAsync<CqlConnectionException>(async () =>
            {
                await using var dataSource = CqlDataSource.Create(connectionString);
                await ReleaseVersionAsync(dataSource);
            });

        Assert.Contains($"{node.Host}:{node.Port} accepted the connection but closed the connection during the protocol handshake", error.Message);
        Assert.Contains("connect with SSL=true", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_plain_text_client_against_a_silent_TLS_port_times_out_within_the_connect_timeout(bool synchronous)
    {
        // A TLS server that waits for a ClientHello longer than the 9 bytes of OPTIONS and never answers (nodes on
        // other Java/Netty versions do so): a listener of this process that reads and says nothing.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var buffer = new byte[64];
            while (await client.GetStream().ReadAsync(buffer) > 0)
            {
            }
        });

        var connectionString = $"Contact Points=127.0.0.1;Port={port};Connect Timeout=2";
        var stopwatch = Stopwatch.StartNew();
        var error = synchronous
            ? Assert.Throws<CqlConnectionException>(() =>
            {
                using var connection = new CqlConnection(connectionString);
                connection.Open();
            })
            : await Assert.ThrowsAsync<CqlConnectionException>(async () =>
            {
                await using var dataSource = CqlDataSource.Create(connectionString);
                await ReleaseVersionAsync(dataSource);
            });

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
        Assert.Contains("did not answer the protocol handshake within the connect timeout of 2 s", error.Message);
        Assert.Contains("connect with SSL=true", error.Message);
        await server.WaitAsync(TimeSpan.FromSeconds(5)); // the client closed its socket
    }

    [Fact]
    public async Task Refuses_a_self_signed_certificate_that_the_test_CA_did_not_sign()
    {
        // A node presenting the untrusted self-signed certificate: a TLS listener of this process, as one Cassandra
        // node can hold only one key.
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(node.UntrustedKeyStore, "cassandra");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var ssl = new SslStream(client.GetStream());
            try
            {
                await ssl.AuthenticateAsServerAsync(certificate);
            }
            catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The client hangs up once it has refused the certificate.
            }
        });

        await using var dataSource = CqlDataSource.Create($"Contact Points=127.0.0.1;Port={port};SSL=true;SSL Root Certificate={node.CaCertificate}");
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => ReleaseVersionAsync(dataSource));
        await server;

        Assert.Contains("subject 'CN=untrusted test node'", error.Message);
        Assert.Contains("certificate not trusted", error.Message);
    }
}
