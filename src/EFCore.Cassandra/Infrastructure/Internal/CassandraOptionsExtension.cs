using System.Data.Common;
using System.Text;

using CqlConnector;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EntityFrameworkCore.Cassandra.Infrastructure.Internal;

/// <summary>
/// The Cassandra options of a context: the connection string or <see cref="CqlDataSource"/>, and the keyspace.
/// </summary>
/// <remarks>
/// The keyspace is deliberately not part of the internal service provider's identity: contexts that differ only by
/// keyspace share one service provider and differ by model (see <see cref="Metadata.Internal.CassandraModelCacheKeyFactory"/>).
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraOptionsExtension : RelationalOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;
    private CqlDataSource? _dataSource;
    private string? _keyspace;
    private int _maxStatementsInFlight = DefaultMaxStatementsInFlight;
    private int _maxStatementsPerBatch = DefaultMaxStatementsPerBatch;
    private bool _useLoggedBatch;
    private ConsistencyLevel? _consistency;
    private ConsistencyLevel? _serialConsistency;
    private TimeSpan? _requestTimeout;
    private Version? _serverVersion;

    /// <summary>The default bound on statements in flight during SaveChanges.</summary>
    public const int DefaultMaxStatementsInFlight = 128;

    /// <summary>The default bound on statements of one partition sharing an unlogged batch.</summary>
    public const int DefaultMaxStatementsPerBatch = 16;

    // Read for every context instance (model cache key): parsed once per options instance. Not copied by the copy
    // constructor, because the base class changes the connection string of a copy after copying.
    private (bool Known, string? Value) _effectiveKeyspace;

    /// <summary>Creates empty options.</summary>
    public CassandraOptionsExtension()
    {
    }

    /// <summary>Copies options.</summary>
    protected CassandraOptionsExtension(CassandraOptionsExtension copyFrom)
        : base(copyFrom)
    {
        _dataSource = copyFrom._dataSource;
        _keyspace = copyFrom._keyspace;
        _maxStatementsInFlight = copyFrom._maxStatementsInFlight;
        _maxStatementsPerBatch = copyFrom._maxStatementsPerBatch;
        _useLoggedBatch = copyFrom._useLoggedBatch;
        _consistency = copyFrom._consistency;
        _serialConsistency = copyFrom._serialConsistency;
        _requestTimeout = copyFrom._requestTimeout;
        _serverVersion = copyFrom._serverVersion;
    }

    /// <inheritdoc />
    public override DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>The data source the connections come from, when one was given instead of a connection string.</summary>
    public virtual CqlDataSource? DataSource => _dataSource;

    /// <summary>The keyspace configured explicitly with <c>Keyspace(...)</c>, if any.</summary>
    public virtual string? Keyspace => _keyspace;

    /// <summary>How many statements SaveChanges keeps in flight at most.</summary>
    public virtual int MaxStatementsInFlight => _maxStatementsInFlight;

    /// <summary>How many statements of one partition may share an unlogged batch (1: no batches).</summary>
    public virtual int MaxStatementsPerBatch => _maxStatementsPerBatch;

    /// <summary>Whether SaveChanges sends all its statements as one logged batch.</summary>
    public virtual bool UseLoggedBatch => _useLoggedBatch;

    /// <summary>The consistency of SaveChanges statements, or null for the connection string's.</summary>
    public virtual ConsistencyLevel? Consistency => _consistency;

    /// <summary>The serial consistency of lightweight transactions, or null for the node's default (Serial).</summary>
    public virtual ConsistencyLevel? SerialConsistency => _serialConsistency;

    /// <summary>The timeout of each SaveChanges request, or null for the connection string's Command Timeout.</summary>
    public virtual TimeSpan? RequestTimeout => _requestTimeout;

    /// <summary>
    /// The Cassandra version queries are translated for, or null to read it from the connection (what the server can
    /// answer differs by version: aggregates, PER PARTITION LIMIT, filtering).
    /// </summary>
    public virtual Version? ServerVersion => _serverVersion;

    /// <summary>Returns a copy with the server version set.</summary>
    public virtual CassandraOptionsExtension WithServerVersion(Version? value)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._serverVersion = value;
        return clone;
    }

    /// <summary>Returns a copy with the SaveChanges concurrency bound set.</summary>
    public virtual CassandraOptionsExtension WithMaxStatementsInFlight(int value)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._maxStatementsInFlight = value;
        return clone;
    }

    /// <summary>Returns a copy with the unlogged batch size bound set.</summary>
    public virtual CassandraOptionsExtension WithMaxStatementsPerBatch(int value)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._maxStatementsPerBatch = value;
        return clone;
    }

    /// <summary>Returns a copy with logged-batch mode set.</summary>
    public virtual CassandraOptionsExtension WithLoggedBatch(bool value)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._useLoggedBatch = value;
        return clone;
    }

    /// <summary>Returns a copy with the consistency levels set.</summary>
    public virtual CassandraOptionsExtension WithConsistency(ConsistencyLevel? consistency, ConsistencyLevel? serialConsistency)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._consistency = consistency;
        clone._serialConsistency = serialConsistency;
        return clone;
    }

    /// <summary>Returns a copy with the request timeout set.</summary>
    public virtual CassandraOptionsExtension WithRequestTimeout(TimeSpan? value)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._requestTimeout = value;
        return clone;
    }

    /// <summary>
    /// The keyspace the model's tables live in unless the model says otherwise: the explicit option, else the
    /// connection string's (or data source's) <c>Keyspace</c>.
    /// </summary>
    public virtual string? EffectiveKeyspace
    {
        get
        {
            if (!_effectiveKeyspace.Known)
            {
                _effectiveKeyspace = (true, _keyspace
                    ?? KeyspaceOf(ConnectionString)
                    ?? KeyspaceOf(_dataSource?.ConnectionString)
                    ?? NullIfEmpty(Connection?.Database));
            }

            return _effectiveKeyspace.Value;
        }
    }

    /// <inheritdoc />
    protected override RelationalOptionsExtension Clone() => new CassandraOptionsExtension(this);

    /// <summary>Returns a copy that takes its connections from <paramref name="dataSource"/>.</summary>
    public virtual CassandraOptionsExtension WithDataSource(CqlDataSource? dataSource)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._dataSource = dataSource;
        return clone;
    }

    /// <summary>Returns a copy with the keyspace set.</summary>
    public virtual CassandraOptionsExtension WithKeyspace(string? keyspace)
    {
        var clone = (CassandraOptionsExtension)Clone();
        clone._keyspace = keyspace;
        return clone;
    }

    /// <inheritdoc />
    public override void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkCassandra();

    /// <inheritdoc />
    public override void Validate(IDbContextOptions options)
    {
        base.Validate(options);

        if (_dataSource is not null && (ConnectionString is not null || Connection is not null))
        {
            throw new InvalidOperationException(
                "Both a CqlDataSource and a connection string (or connection) were configured for Cassandra; configure one.");
        }
    }

    private static string? KeyspaceOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var builder = new CqlConnectionStringBuilder { ConnectionString = connectionString };
        return NullIfEmpty(builder.Keyspace);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : RelationalExtensionInfo(extension)
    {
        private string? _logFragment;

        private new CassandraOptionsExtension Extension => (CassandraOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => true;

        public override string LogFragment
        {
            get
            {
                if (_logFragment is null)
                {
                    var builder = new StringBuilder(base.LogFragment);
                    if (Extension._dataSource is not null)
                    {
                        builder.Append("DataSource ");
                    }

                    if (Extension._keyspace is not null)
                    {
                        builder.Append("Keyspace=").Append(Extension._keyspace).Append(' ');
                    }

                    _logFragment = builder.ToString();
                }

                return _logFragment;
            }
        }

        // The configured server version is part of the service provider's identity: queries are translated for it, and
        // compiled queries are cached per service provider.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(base.GetServiceProviderHashCode(), Extension._serverVersion);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => base.ShouldUseSameServiceProvider(other)
                && other is ExtensionInfo otherInfo
                && Equals(Extension._serverVersion, otherInfo.Extension._serverVersion);

        // Neither the data source nor the keyspace is part of the service provider's identity: no singleton service
        // holds either (the connection is scoped and reads them per context; the keyspace selects the model).
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            => debugInfo["Cassandra:ServerVersion"] = Extension._serverVersion?.ToString() ?? "";
    }
}
