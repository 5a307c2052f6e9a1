using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// Writes the provider's operations in generated migrations as the calls that make them:
/// <c>CreateUserDefinedType(...)</c>, <c>AlterUserDefinedType(...)</c>, <c>DropUserDefinedType(...)</c> and
/// <c>AlterKeyspace(...)</c>.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
/// <param name="dependencies">EF's dependencies of the generator.</param>
public class CassandraMigrationOperationGenerator(CSharpMigrationOperationGeneratorDependencies dependencies)
    : CSharpMigrationOperationGenerator(dependencies)
{
    /// <inheritdoc />
    protected override void Generate(MigrationOperation operation, IndentedStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(builder);
        var code = Dependencies.CSharpHelper;
        switch (operation)
        {
            case CreateUserDefinedTypeOperation create:
                Call("CreateUserDefinedType", create.Name, create.Schema, ("fields", Tuples(create.Fields)));
                break;
            case AlterUserDefinedTypeOperation alter:
                Call(
                    "AlterUserDefinedType", alter.Name, alter.Schema,
                    ("addedFields", alter.AddedFields.Count == 0 ? null : Tuples(alter.AddedFields)),
                    ("renamedFields", alter.RenamedFields.Count == 0 ? null : Tuples(alter.RenamedFields)),
                    ("droppedFields", alter.DroppedFields.Count == 0 ? null : code.Literal(alter.DroppedFields.ToArray())));
                break;
            case DropUserDefinedTypeOperation drop:
                Call("DropUserDefinedType", drop.Name, drop.Schema);
                break;
            case AlterKeyspaceOperation alterKeyspace:
                Call(
                    "AlterKeyspace", alterKeyspace.Name, null,
                    ("replicationClass", alterKeyspace.Replication is { } replication ? code.Literal(replication.Strategy) : null),
                    ("replicationFactors", alterKeyspace.Replication is { Factors.Count: > 0 } withFactors
                        ? Tuples(withFactors.Factors.Select(f => (f.Key, f.Value)))
                        : null),
                    ("durableWrites", alterKeyspace.DurableWrites is { } durableWrites ? code.Literal(durableWrites) : null));
                break;
            default:
                base.Generate(operation, builder);
                break;
        }

        // .Method(name: "...", schema: "...", argument: value, ...) with the arguments that have a value, by name.
        void Call(string method, string name, string? schema, params (string Parameter, string? Value)[] arguments)
        {
            builder.Append(".").Append(method).AppendLine("(");
            using (builder.Indent())
            {
                builder.Append("name: ").Append(code.Literal(name));
                foreach (var (parameter, value) in arguments.Append(("schema", schema is null ? null : code.Literal(schema))))
                {
                    if (value is not null)
                    {
                        builder.AppendLine(",").Append(parameter).Append(": ").Append(value);
                    }
                }

                builder.Append(")");
                Annotations(operation.GetAnnotations(), builder);
            }
        }

        // new[] { ("street", "text"), ... } or new[] { ("dc1", 3), ... }
        string Tuples<T>(IEnumerable<(string, T)> items)
            where T : notnull
            => "new[] { " + string.Join(", ", items.Select(f => "(" + code.Literal(f.Item1) + ", " + code.UnknownLiteral(f.Item2) + ")")) + " }";
    }
}
