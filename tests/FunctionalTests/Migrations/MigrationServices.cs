using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Migrations;

/// <summary>The migration services of a context, as the differ and script tests use them.</summary>
internal static class MigrationServices
{
    /// <summary>A model built as a snapshot builds it (no conventions), finalized for design time.</summary>
    public static IRelationalModel Finalize(DbContext context, ModelBuilder builder)
        => context.GetService<IModelRuntimeInitializer>()
            .Initialize((IModel)builder.Model.FinalizeModel(), designTime: true, validationLogger: null)
            .GetRelationalModel();

    /// <summary>The context's design-time model, as `dotnet ef migrations add` compares it.</summary>
    public static IRelationalModel Current(DbContext context) => context.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    /// <summary>The context's model differ.</summary>
    public static IMigrationsModelDiffer Differ(DbContext context) => context.GetService<IMigrationsModelDiffer>();

    /// <summary>The CQL of <paramref name="operations"/>, one string per command, with Unix line ends.</summary>
    public static List<string> Generate(DbContext context, IReadOnlyList<MigrationOperation> operations, IModel? model = null)
        => context.GetService<IMigrationsSqlGenerator>().Generate(operations, model)
            .Select(c => c.CommandText.Replace("\r\n", "\n", StringComparison.Ordinal))
            .ToList();
}

/// <summary>A context of one entity type in table <c>table</c> of keyspace "ks", as the differ tests compare snapshots with.</summary>
internal sealed class OneTableContext<TEntity>(string table) : DbContext
    where TEntity : class
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseCassandra("Contact Points=127.0.0.1;Keyspace=ks");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<TEntity>(b => b.ToTable(table));
}
