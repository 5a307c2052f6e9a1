using System.Data;
using System.Data.Common;
using System.Transactions;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;
using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// Creates <see cref="CqlConnection"/>s from the configured connection string or <see cref="CqlDataSource"/>, and
/// refuses transactions, which Cassandra does not have.
/// </summary>
/// <remarks>
/// A <see cref="CqlConnection"/> is cheap: it attaches to the cluster session of its data source (one per connection
/// string, or the one given). The context disposes the connections it creates, never the data source.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraRelationalConnection : RelationalConnection, ICassandraRelationalConnection
{
    private readonly CqlDataSource? _dataSource;

    /// <summary>Creates the connection for the current context's options.</summary>
    public CassandraRelationalConnection(RelationalConnectionDependencies dependencies)
        : base(dependencies)
    {
        _dataSource = dependencies.ContextOptions.FindExtension<CassandraOptionsExtension>()?.DataSource;
        if (_dataSource is not null)
        {
            ConnectionString = _dataSource.ConnectionString;
        }
    }

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection()
        => _dataSource?.CreateConnection() ?? new CqlConnection(GetValidatedConnectionString());

    /// <inheritdoc />
    public virtual ICassandraRelationalConnection CreateAdminConnection()
    {
        var builder = new CqlConnectionStringBuilder(_dataSource?.ConnectionString ?? GetValidatedConnectionString());
        builder.Remove("Keyspace");

        var options = Dependencies.ContextOptions.FindExtension<CassandraOptionsExtension>() ?? new CassandraOptionsExtension();

        // A data source built in code keeps its settings (authenticator, TLS, policies) on the admin connection too.
        var adminOptions = _dataSource is { } dataSource
            ? ((CassandraOptionsExtension)options.WithConnectionString(null)).WithDataSource(dataSource.WithoutKeyspace())
            : ((CassandraOptionsExtension)options.WithConnectionString(builder.ConnectionString)).WithDataSource(null);

        var optionsBuilder = new DbContextOptionsBuilder();
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(adminOptions);

        return new CassandraRelationalConnection(Dependencies with { ContextOptions = optionsBuilder.Options });
    }

    /// <inheritdoc />
    public virtual bool IsApplyingMigrations { get; set; }

    /// <summary>Cassandra has no transactions; ambient ones (TransactionScope) are refused too.</summary>
    protected override bool SupportsAmbientTransactions => false;

    /// <inheritdoc />
    public override IDbContextTransaction BeginTransaction() => MigrationTransactionOrThrow();

    /// <inheritdoc />
    public override IDbContextTransaction BeginTransaction(System.Data.IsolationLevel isolationLevel) => MigrationTransactionOrThrow();

    /// <inheritdoc />
    public override Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        => Task.FromResult(MigrationTransactionOrThrow());

    /// <inheritdoc />
    public override Task<IDbContextTransaction> BeginTransactionAsync(
        System.Data.IsolationLevel isolationLevel,
        CancellationToken cancellationToken = default)
        => Task.FromResult(MigrationTransactionOrThrow());

    private IDbContextTransaction MigrationTransactionOrThrow()
        => IsApplyingMigrations ? new CassandraMigrationTransaction() : throw TransactionsNotSupported();

    /// <inheritdoc />
    protected override DbTransaction ConnectionBeginTransaction(System.Data.IsolationLevel isolationLevel)
        => throw TransactionsNotSupported();

    /// <inheritdoc />
    protected override ValueTask<DbTransaction> ConnectionBeginTransactionAsync(
        System.Data.IsolationLevel isolationLevel,
        CancellationToken cancellationToken = default)
        => throw TransactionsNotSupported();

    /// <summary>Accepts only <see langword="null"/> (no transaction).</summary>
    /// <inheritdoc />
    public override IDbContextTransaction? UseTransaction(DbTransaction? transaction)
        => transaction is null ? base.UseTransaction(null) : throw TransactionsNotSupported();

    /// <summary>Accepts only <see langword="null"/> (no transaction).</summary>
    /// <inheritdoc />
    public override IDbContextTransaction? UseTransaction(DbTransaction? transaction, Guid transactionId)
        => transaction is null ? base.UseTransaction(null, transactionId) : throw TransactionsNotSupported();

    /// <summary>Accepts only <see langword="null"/> (no transaction).</summary>
    /// <inheritdoc />
    public override Task<IDbContextTransaction?> UseTransactionAsync(DbTransaction? transaction, CancellationToken cancellationToken = default)
        => transaction is null ? base.UseTransactionAsync(null, cancellationToken) : throw TransactionsNotSupported();

    /// <summary>Accepts only <see langword="null"/> (no transaction).</summary>
    /// <inheritdoc />
    public override Task<IDbContextTransaction?> UseTransactionAsync(
        DbTransaction? transaction,
        Guid transactionId,
        CancellationToken cancellationToken = default)
        => transaction is null ? base.UseTransactionAsync(null, transactionId, cancellationToken) : throw TransactionsNotSupported();

    /// <summary>Accepts only <see langword="null"/> (no transaction).</summary>
    /// <inheritdoc />
    public override void EnlistTransaction(Transaction? transaction)
    {
        if (transaction is not null)
        {
            throw TransactionsNotSupported();
        }

        base.EnlistTransaction(null);
    }

    private static NotSupportedException TransactionsNotSupported() => new(CassandraStrings.TransactionsNotSupported);
}
