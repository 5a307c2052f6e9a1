using System.Diagnostics;

namespace CqlConnector.Tests.Security;

/// <summary>
/// A variant node of scripts/cassandra.sh (<c>--variant auth</c> or <c>tls</c>) for the tests of one collection: started
/// when the collection starts unless it already runs, and stopped at its end if this fixture started it, since each
/// node takes ~0.8 GB.
/// </summary>
public abstract class VariantNode : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private bool _startedHere;

    protected VariantNode(string variant, string host, int port)
    {
        Variant = variant;
        var upper = variant.ToUpperInvariant();
        Host = Environment.GetEnvironmentVariable($"CASSANDRA_{upper}_LISTEN_ADDRESS") is { Length: > 0 } address ? address : host;
        Port = Environment.GetEnvironmentVariable($"CASSANDRA_{upper}_PORT") is { Length: > 0 } text ? int.Parse(text) : port;
        RepositoryRoot = FindRepositoryRoot();
    }

    public string Variant { get; }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The checkout whose scripts/cassandra.sh runs the node (its .cassandra/ holds the node's files).</summary>
    public string RepositoryRoot { get; }

    /// <summary>A connection string to the node, with a short connect timeout.</summary>
    public string ConnectionString => $"Contact Points={Host};Port={Port};Connect Timeout=5";

    public async Task InitializeAsync()
    {
        var (status, _) = await RunScriptAsync("status");
        _startedHere = status != 0;
        var (exit, output) = await RunScriptAsync("start");
        if (exit != 0)
        {
            throw new InvalidOperationException($"'scripts/cassandra.sh start --variant {Variant}' failed ({exit}):{Environment.NewLine}{output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_startedHere)
        {
            // Test data only: no need to wait for the node's drain.
            await RunScriptAsync("stop", ("CASSANDRA_STOP_TIMEOUT", "3"));
        }
    }

    internal async Task<(int ExitCode, string Output)> RunScriptAsync(string command, params (string Name, string Value)[] environment)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryRoot, "scripts", "cassandra.sh"));
        startInfo.ArgumentList.Add(command);
        startInfo.ArgumentList.Add("--variant");
        startInfo.ArgumentList.Add(Variant);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bash.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"'scripts/cassandra.sh {command} --variant {Variant}' did not finish within {ScriptTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "cassandra.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No scripts/cassandra.sh in any folder above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The node with PasswordAuthenticator and CassandraAuthorizer; superuser cassandra/cassandra.</summary>
public sealed class AuthNode() : VariantNode("auth", "127.0.0.2", 9142);

/// <summary>The node with client encryption, its certificate signed by the test CA in .cassandra/tls/.</summary>
public sealed class TlsNode() : VariantNode("tls", "127.0.0.3", 9242)
{
    private string TlsFolder => Path.Combine(RepositoryRoot, ".cassandra", "tls");

    /// <summary>The test CA (PEM) that signed the node's certificate.</summary>
    public string CaCertificate => Path.Combine(TlsFolder, "ca.crt");

    /// <summary>A self-signed certificate that has nothing to do with the node (PEM).</summary>
    public string UntrustedCertificate => Path.Combine(TlsFolder, "untrusted.crt");

    /// <summary>The untrusted certificate with its key (PKCS#12, password "cassandra").</summary>
    public string UntrustedKeyStore => Path.Combine(TlsFolder, "untrusted.p12");
}

[CollectionDefinition(Name)]
public sealed class AuthNodeCollection : ICollectionFixture<AuthNode>
{
    public const string Name = "auth node";
}

[CollectionDefinition(Name)]
public sealed class TlsNodeCollection : ICollectionFixture<TlsNode>
{
    public const string Name = "tls node";
}
