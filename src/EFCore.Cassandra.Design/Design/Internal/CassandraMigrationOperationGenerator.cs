using EntityFrameworkCore.Cassandra.Migrations.Operations;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// Writes the provider's user-defined type operations in generated migrations as the calls that make them:
/// <c>CreateUserDefinedType(...)</c>, <c>AlterUserDefinedType(...)</c> and <c>DropUserDefinedType(...)</c>.
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
                Call("CreateUserDefinedType", create.Name, create.Schema, ("fields", Fields(create.Fields)));
                break;
            case AlterUserDefinedTypeOperation alter:
                Call(
                    "AlterUserDefinedType", alter.Name, alter.Schema,
                    ("addedFields", alter.AddedFields.Count == 0 ? null : Fields(alter.AddedFields)),
                    ("renamedFields", alter.RenamedFields.Count == 0 ? null : Fields(alter.RenamedFields)),
                    ("droppedFields", alter.DroppedFields.Count == 0 ? null : code.Literal(alter.DroppedFields.ToArray())));
                break;
            case DropUserDefinedTypeOperation drop:
                Call("DropUserDefinedType", drop.Name, drop.Schema);
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

        // new[] { ("street", "text"), ... }
        string Fields(IEnumerable<(string, string)> fields)
            => "new[] { " + string.Join(", ", fields.Select(f => "(" + code.Literal(f.Item1) + ", " + code.Literal(f.Item2) + ")")) + " }";
    }
}
