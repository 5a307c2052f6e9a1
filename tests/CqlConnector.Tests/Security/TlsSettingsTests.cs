using Cassandra.TestInfrastructure;

namespace CqlConnector.Tests.Security;

/// <summary>The SSL connection string keys, and TLS against a node that does not speak it.</summary>
public sealed class TlsSettingsTests
{
    [Fact]
    public void SSL_keys_parse_with_their_synonyms()
    {
        var builder = new CqlConnectionStringBuilder("SSL=true;Root Certificate=/etc/ca.crt;SSL Target Host=db;SSL Certificate Validation=ca");
        Assert.True(builder.Ssl);
        Assert.Equal("/etc/ca.crt", builder.SslRootCertificate);
        Assert.Equal("db", builder.SslTargetHost);
        Assert.Equal(SslCertificateValidation.CA, builder.SslCertificateValidation);
        Assert.Equal(SslCertificateValidation.Full, new CqlConnectionStringBuilder("SSL=true").SslCertificateValidation);
    }

    [Fact]
    public void An_unknown_validation_mode_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => new CqlConnectionStringBuilder("SSL Certificate Validation=strict").SslCertificateValidation);
        Assert.Contains("use Full, CA or None", error.Message);
    }

    [Fact]
    public void SSL_settings_without_SSL_true_are_refused_rather_than_ignored()
    {
        var error = Assert.Throws<ArgumentException>(() => CqlDataSource.Create("Contact Points=127.0.0.1;SSL Root Certificate=/etc/ca.crt"));
        Assert.Contains("'SSL Root Certificate' but not SSL=true", error.Message);
    }

    [Fact]
    public void A_missing_root_certificate_file_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".crt");
        var error = Assert.Throws<ArgumentException>(() => CqlDataSource.Create($"Contact Points=127.0.0.1;SSL=true;SSL Root Certificate={path}"));
        Assert.Contains($"'SSL Root Certificate' file '{path}' could not be read", error.Message);
    }

    [Fact]
    public void A_certificate_callback_without_TLS_is_refused()
    {
        var builder = new CqlDataSourceBuilder("Contact Points=127.0.0.1").UseRemoteCertificateValidationCallback((_, _, _, _) => true);
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("Add 'SSL=true'", error.Message);
    }

    [Fact]
    public async Task A_TLS_client_against_a_plain_text_node_fails_saying_the_node_may_not_have_client_encryption()
    {
        var endpoint = await CassandraServer.GetAsync();
        await using var dataSource = CqlDataSource.Create(
            $"Contact Points={endpoint.Host};Port={endpoint.Port};SSL=true;SSL Certificate Validation=None;Connect Timeout=3");
        await using var command = dataSource.CreateCommand("SELECT release_version FROM system.local");
        var error = await Assert.ThrowsAsync<CqlConnectionException>(() => command.ExecuteScalarAsync());

        Assert.Contains("The TLS handshake with", error.Message);
        Assert.Contains("client_encryption_options", error.Message);
    }
}
