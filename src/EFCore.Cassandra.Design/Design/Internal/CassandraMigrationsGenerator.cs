using EntityFrameworkCore.Cassandra.Metadata.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Internal;
using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// EF's C# migrations generator, importing the namespace of the user-defined type and keyspace calls, and refusing a migration whose Up drops fields of a user-defined type (a property removed
/// or renamed) when it is added: Cassandra cannot drop them, and only here is the Up told apart from the Down (whose
/// dropped fields undo added ones, and fail only if that Down is run).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
/// <param name="dependencies">EF's dependencies of a migrations code generator.</param>
/// <param name="csharpDependencies">EF's dependencies of the C# one.</param>
public class CassandraMigrationsGenerator(
    MigrationsCodeGeneratorDependencies dependencies,
    CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    /// <inheritdoc />
    public override string GenerateMigration(
        string? migrationNamespace,
        string migrationName,
        IReadOnlyList<MigrationOperation> upOperations,
        IReadOnlyList<MigrationOperation> downOperations)
    {
        ArgumentNullException.ThrowIfNull(upOperations);
        if (upOperations.OfType<AlterUserDefinedTypeOperation>().FirstOrDefault(o => o.DroppedFields.Count > 0) is { } drop)
        {
            throw new InvalidOperationException(MigrationsStrings.UserDefinedTypeFieldDrop(
                CassandraUserDefinedTypes.DisplayName(drop.Schema, drop.Name), drop.DroppedFields));
        }

        return base.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations);
    }

    /// <inheritdoc />
    /// <remarks>The user-defined type and keyspace calls are extension methods in <c>Microsoft.EntityFrameworkCore</c>.</remarks>
    protected override IEnumerable<string> GetNamespaces(IEnumerable<MigrationOperation> operations)
    {
        var list = operations.ToList();
        var namespaces = base.GetNamespaces(list);
        return list.Any(o => o is CreateUserDefinedTypeOperation or AlterUserDefinedTypeOperation or DropUserDefinedTypeOperation
            or AlterKeyspaceOperation)
            ? namespaces.Append(typeof(Microsoft.EntityFrameworkCore.CassandraMigrationBuilderExtensions).Namespace!)
            : namespaces;
    }
}
