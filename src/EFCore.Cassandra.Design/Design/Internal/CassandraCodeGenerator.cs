using System.Reflection;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>Generates <c>optionsBuilder.UseCassandra("connection string")</c> for a scaffolded context.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraCodeGenerator : ProviderCodeGenerator
{
    private static readonly MethodInfo UseCassandraMethod = typeof(CassandraDbContextOptionsBuilderExtensions).GetRuntimeMethod(
        nameof(CassandraDbContextOptionsBuilderExtensions.UseCassandra),
        [typeof(DbContextOptionsBuilder), typeof(string), typeof(Action<Infrastructure.CassandraDbContextOptionsBuilder>)])!;

    /// <summary>Creates the generator.</summary>
    /// <param name="dependencies">EF's dependencies of a provider code generator.</param>
    public CassandraCodeGenerator(ProviderCodeGeneratorDependencies dependencies)
        : base(dependencies)
    {
    }

    /// <inheritdoc />
    public override MethodCallCodeFragment GenerateUseProvider(string connectionString, MethodCallCodeFragment? providerOptions)
        => providerOptions is null
            ? new MethodCallCodeFragment(UseCassandraMethod, connectionString)
            : new MethodCallCodeFragment(UseCassandraMethod, connectionString, new NestedClosureCodeFragment("x", providerOptions));
}
