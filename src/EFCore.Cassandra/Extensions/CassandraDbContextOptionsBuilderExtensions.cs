using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure;
using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// <c>UseCassandra</c>: configures a context to use Apache Cassandra through CqlConnector.
/// </summary>
public static class CassandraDbContextOptionsBuilderExtensions
{
    /// <summary>Configures the context to connect to Cassandra with a connection string.</summary>
    /// <param name="optionsBuilder">The builder being used to configure the context.</param>
    /// <param name="connectionString">
    /// A CqlConnector connection string, e.g. <c>Contact Points=127.0.0.1;Keyspace=shop</c>. Its <c>Keyspace</c> is the
    /// keyspace of the model's tables unless configured otherwise.
    /// </param>
    /// <param name="cassandraOptionsAction">Optional Cassandra-specific configuration.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseCassandra(
        this DbContextOptionsBuilder optionsBuilder,
        string connectionString,
        Action<CassandraDbContextOptionsBuilder>? cassandraOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        var extension = (CassandraOptionsExtension)GetOrCreateExtension(optionsBuilder).WithConnectionString(connectionString);
        return Apply(optionsBuilder, extension, cassandraOptionsAction);
    }

    /// <summary>
    /// Configures the context to take its connections from a <see cref="CqlDataSource"/>, which owns the cluster session
    /// (connections from it are cheap). The context never disposes the data source.
    /// </summary>
    /// <param name="optionsBuilder">The builder being used to configure the context.</param>
    /// <param name="dataSource">The data source; its <c>Keyspace</c> is the default keyspace.</param>
    /// <param name="cassandraOptionsAction">Optional Cassandra-specific configuration.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder UseCassandra(
        this DbContextOptionsBuilder optionsBuilder,
        CqlDataSource dataSource,
        Action<CassandraDbContextOptionsBuilder>? cassandraOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(dataSource);

        var extension = GetOrCreateExtension(optionsBuilder).WithDataSource(dataSource);
        return Apply(optionsBuilder, extension, cassandraOptionsAction);
    }

    /// <summary>Configures the context to connect to Cassandra with a connection string.</summary>
    /// <typeparam name="TContext">The type of context being configured.</typeparam>
    /// <param name="optionsBuilder">The builder being used to configure the context.</param>
    /// <param name="connectionString">A CqlConnector connection string.</param>
    /// <param name="cassandraOptionsAction">Optional Cassandra-specific configuration.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder<TContext> UseCassandra<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        string connectionString,
        Action<CassandraDbContextOptionsBuilder>? cassandraOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseCassandra(
            (DbContextOptionsBuilder)optionsBuilder, connectionString, cassandraOptionsAction);

    /// <summary>Configures the context to take its connections from a <see cref="CqlDataSource"/>.</summary>
    /// <typeparam name="TContext">The type of context being configured.</typeparam>
    /// <param name="optionsBuilder">The builder being used to configure the context.</param>
    /// <param name="dataSource">The data source.</param>
    /// <param name="cassandraOptionsAction">Optional Cassandra-specific configuration.</param>
    /// <returns>The options builder, for chaining.</returns>
    public static DbContextOptionsBuilder<TContext> UseCassandra<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        CqlDataSource dataSource,
        Action<CassandraDbContextOptionsBuilder>? cassandraOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseCassandra(
            (DbContextOptionsBuilder)optionsBuilder, dataSource, cassandraOptionsAction);

    private static DbContextOptionsBuilder Apply(
        DbContextOptionsBuilder optionsBuilder,
        CassandraOptionsExtension extension,
        Action<CassandraDbContextOptionsBuilder>? cassandraOptionsAction)
    {
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        ConfigureWarnings(optionsBuilder);
        cassandraOptionsAction?.Invoke(new CassandraDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    // Options extensions are immutable: every With... call below returns a changed copy.
    private static CassandraOptionsExtension GetOrCreateExtension(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.Options.FindExtension<CassandraOptionsExtension>() ?? new CassandraOptionsExtension();

    // The relational layer's default warning configuration (e.g. ambient transactions throw) applies to us too.
    private static void ConfigureWarnings(DbContextOptionsBuilder optionsBuilder)
    {
        var coreOptionsExtension = optionsBuilder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        coreOptionsExtension = RelationalOptionsExtension.WithDefaultWarningConfiguration(coreOptionsExtension);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(coreOptionsExtension);
    }
}
