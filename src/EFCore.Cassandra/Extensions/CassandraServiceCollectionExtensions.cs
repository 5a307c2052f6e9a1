#pragma warning disable EF1001 // IStateManager, ICommandBatchPreparer and IQueryCompiler are pubternal: the provider registers its subclasses of EF's.
using EntityFrameworkCore.Cassandra.Diagnostics.Internal;
using EntityFrameworkCore.Cassandra.Infrastructure.Internal;
using EntityFrameworkCore.Cassandra.Metadata.Conventions;
using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Internal;
using EntityFrameworkCore.Cassandra.Query.Internal;
using EntityFrameworkCore.Cassandra.Storage.Internal;
using EntityFrameworkCore.Cassandra.Update.Internal;

using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Update.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Cassandra provider's services.</summary>
public static class CassandraServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services of the Cassandra provider to an internal service provider. This is the provider's one
    /// composition root: every EF service it replaces is listed here. Applications do not need to call it —
    /// <c>UseCassandra</c> does — unless they build EF's internal service provider themselves.
    /// </summary>
    /// <param name="serviceCollection">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddEntityFrameworkCassandra(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        new EntityFrameworkRelationalServicesBuilder(serviceCollection)
            // Provider identity and diagnostics
            .TryAdd<IDatabaseProvider, DatabaseProvider<CassandraOptionsExtension>>()
            .TryAdd<LoggingDefinitions, CassandraLoggingDefinitions>()

            // Model: conventions, validation, one model per keyspace
            .TryAdd<IProviderConventionSetBuilder, CassandraConventionSetBuilder>()
            .TryAdd<IModelValidator, CassandraModelValidator>()
            .TryAdd<IModelCacheKeyFactory, CassandraModelCacheKeyFactory>()

            // Storage: types, CQL lexical rules, connection, schema creation, execution
            .TryAdd<IRelationalTypeMappingSource, CassandraTypeMappingSource>()
            .TryAdd<IRelationalAnnotationProvider, CassandraAnnotationProvider>()
            .TryAdd<ISqlGenerationHelper, CassandraSqlGenerationHelper>()
            .TryAdd<IRelationalConnection>(p => p.GetRequiredService<ICassandraRelationalConnection>())
            .TryAdd<IRelationalDatabaseCreator, CassandraDatabaseCreator>()
            .TryAdd<IExecutionStrategyFactory, CassandraExecutionStrategyFactory>()
            .TryAdd<IRelationalQueryStringFactory, CassandraQueryStringFactory>()

            // Migrations: CQL DDL, user-defined type changes, the history table and lock, migrating without transactions
            .TryAdd<IMigrationsSqlGenerator, CassandraMigrationsSqlGenerator>()
            .TryAdd<IMigrationsModelDiffer, CassandraMigrationsModelDiffer>()
            .TryAdd<IHistoryRepository, CassandraHistoryRepository>()
            .TryAdd<IMigrator, CassandraMigrator>()

            // Update: one CQL statement per modification, no transaction
            .TryAdd<IUpdateSqlGenerator, CassandraUpdateSqlGenerator>()
            .TryAdd<IModificationCommandBatchFactory, CassandraModificationCommandBatchFactory>()
            .TryAdd<IBatchExecutor, CassandraBatchExecutor>()
            .TryAdd<ICommandBatchPreparer, CassandraCommandBatchPreparer>()
            .TryAdd<IStateManager, CassandraStateManager>()

            // Query: query extensions, CQL translation and validation, CQL printing, CQL null semantics, per-query
            // command options (consistency, page size, paging state)
            .TryAdd<IQueryCompiler, CassandraQueryCompiler>()
            .TryAdd<IQueryCompilationContextFactory, CassandraQueryCompilationContextFactory>()
            .TryAdd<ICompiledQueryCacheKeyGenerator, CassandraCompiledQueryCacheKeyGenerator>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, CassandraQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IQueryTranslationPreprocessorFactory, CassandraQueryTranslationPreprocessorFactory>()
            .TryAdd<IQueryTranslationPostprocessorFactory, CassandraQueryTranslationPostprocessorFactory>()
            .TryAdd<IRelationalSqlTranslatingExpressionVisitorFactory, CassandraSqlTranslatingExpressionVisitorFactory>()
            .TryAdd<IMethodCallTranslatorProvider, CassandraMethodCallTranslatorProvider>()
            .TryAdd<IEvaluatableExpressionFilter, CassandraEvaluatableExpressionFilter>()
            .TryAdd<IQuerySqlGeneratorFactory, CassandraQuerySqlGeneratorFactory>()
            .TryAdd<IRelationalParameterBasedSqlProcessorFactory, CassandraParameterBasedSqlProcessorFactory>()
            .TryAdd<IRelationalCommandBuilderFactory, CassandraRelationalCommandBuilderFactory>()

            .TryAddProviderSpecificServices(
                b => b.TryAddScoped<ICassandraRelationalConnection, CassandraRelationalConnection>()
                    .TryAddScoped<CassandraSaveChangesExecutor, CassandraSaveChangesExecutor>()
                    .TryAddScoped<CassandraWriteOptionsStore, CassandraWriteOptionsStore>())
            .TryAddCoreServices();

        return serviceCollection;
    }
}
