using System.Data.Common;

using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// Stands in for scaffolding when the EFCore.Cassandra.Design package is not referenced: <c>dotnet ef dbcontext
/// scaffold</c> then says which package to add instead of failing to resolve a service.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraDesignPackageMissingModelFactory : IDatabaseModelFactory
{
    /// <summary>The message of the exception every method throws.</summary>
    public const string Message =
        "Scaffolding a model from a Cassandra keyspace needs the EFCore.Cassandra.Design package: add a reference to it "
        + "(PrivateAssets=\"all\" is enough) in the startup project, rebuild, and run 'dotnet ef dbcontext scaffold' again.";

    /// <inheritdoc />
    public virtual DatabaseModel Create(string connectionString, DatabaseModelFactoryOptions options)
        => throw new InvalidOperationException(Message);

    /// <inheritdoc />
    public virtual DatabaseModel Create(DbConnection connection, DatabaseModelFactoryOptions options)
        => throw new InvalidOperationException(Message);
}
