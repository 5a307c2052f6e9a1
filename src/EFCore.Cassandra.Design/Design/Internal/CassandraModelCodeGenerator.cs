using System.Text;

using EntityFrameworkCore.Cassandra.Scaffolding.Internal;

using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;

namespace EntityFrameworkCore.Cassandra.Design.Internal;

/// <summary>
/// Wraps the model code generator EF chose (C# or T4 templates) and adds one file per user-defined type the scaffolded
/// entities use: a class marked <c>[UserDefinedType("name")]</c> with one property per field, in the model's namespace.
/// EF generates the entity and context files only; the entity properties already have these classes as their types
/// (<see cref="CassandraUserDefinedTypeClasses"/>).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModelCodeGenerator : IModelCodeGenerator
{
    private readonly IModelCodeGenerator _inner;
    private readonly CassandraUserDefinedTypeClasses _userDefinedTypes;
    private readonly ICSharpHelper _code;

    /// <summary>Creates the generator.</summary>
    /// <param name="inner">The generator EF chose.</param>
    /// <param name="userDefinedTypes">The classes generated for user-defined types.</param>
    /// <param name="code">EF's C# helper.</param>
    public CassandraModelCodeGenerator(IModelCodeGenerator inner, CassandraUserDefinedTypeClasses userDefinedTypes, ICSharpHelper code)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(userDefinedTypes);
        ArgumentNullException.ThrowIfNull(code);
        _inner = inner;
        _userDefinedTypes = userDefinedTypes;
        _code = code;
    }

    /// <inheritdoc />
    public virtual string? Language => _inner.Language;

    /// <inheritdoc />
    public virtual ScaffoldedModel GenerateModel(IModel model, ModelCodeGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var scaffolded = _inner.GenerateModel(model, options);

        var used = new List<Type>();
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            Collect(property.ClrType, used);
        }

        var extension = scaffolded.AdditionalFiles.Select(f => Path.GetExtension(f.Path)).FirstOrDefault() ?? ".cs";
        foreach (var type in used)
        {
            var path = type.Name + extension;
            if (scaffolded.AdditionalFiles.Any(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"The class generated for a user-defined type would be written to '{path}', which an entity already uses. "
                    + "Leave that table out of the scaffolding (--table) or rename it.");
            }

            scaffolded.AdditionalFiles.Add(new ScaffoldedFile(path, Generate(type, options)));
        }

        return scaffolded;
    }

    private void Collect(Type type, List<Type> used)
    {
        if (used.Contains(type) || !_userDefinedTypes.TryGetClass(type, out _, out var fields))
        {
            return;
        }

        used.Add(type);
        foreach (var (_, property) in fields)
        {
            Collect(property.PropertyType, used);
        }
    }

    private string Generate(Type type, ModelCodeGenerationOptions options)
    {
        _userDefinedTypes.TryGetClass(type, out var name, out var fields);
        var usings = new SortedSet<string>(StringComparer.Ordinal) { "EntityFrameworkCore.Cassandra.Metadata.Attributes" };
        foreach (var (_, property) in fields)
        {
            foreach (var ns in _code.GetRequiredUsings(property.PropertyType))
            {
                if (!string.IsNullOrEmpty(ns) && ns != options.ModelNamespace)
                {
                    usings.Add(ns);
                }
            }
        }

        var text = new StringBuilder();
        foreach (var ns in usings.OrderBy(n => n.StartsWith("System", StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            text.Append("using ").Append(ns).AppendLine(";");
        }

        text.AppendLine();
        if (!string.IsNullOrEmpty(options.ModelNamespace))
        {
            text.Append("namespace ").Append(_code.Namespace(options.ModelNamespace)).AppendLine(";").AppendLine();
        }

        text.Append("[UserDefinedType(").Append(_code.Literal(name)).AppendLine(")]");
        text.Append("public partial class ").AppendLine(type.Name);
        text.AppendLine("{");
        var first = true;
        foreach (var (_, property) in fields)
        {
            if (!first)
            {
                text.AppendLine();
            }

            first = false;
            var nullable = options.UseNullableReferenceTypes && !property.PropertyType.IsValueType ? "?" : string.Empty;
            text.Append("    public ").Append(_code.Reference(property.PropertyType)).Append(nullable).Append(' ')
                .Append(_code.Identifier(property.Name)).AppendLine(" { get; set; }");
        }

        text.AppendLine("}");
        return text.ToString();
    }
}

/// <summary>
/// EF's choice of model code generator, wrapped in <see cref="CassandraModelCodeGenerator"/> so that user-defined type
/// classes are written with the entities whatever generator (C# or T4 templates) EF picks.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraModelCodeGeneratorSelector : Microsoft.EntityFrameworkCore.Scaffolding.Internal.ModelCodeGeneratorSelector
{
    private readonly CassandraUserDefinedTypeClasses _userDefinedTypes;
    private readonly ICSharpHelper _code;

    /// <summary>Creates the selector.</summary>
    /// <param name="services">EF's model code generators.</param>
    /// <param name="userDefinedTypes">The classes generated for user-defined types.</param>
    /// <param name="code">EF's C# helper.</param>
    public CassandraModelCodeGeneratorSelector(
        IEnumerable<IModelCodeGenerator> services,
        CassandraUserDefinedTypeClasses userDefinedTypes,
        ICSharpHelper code)
        : base(services)
    {
        ArgumentNullException.ThrowIfNull(userDefinedTypes);
        ArgumentNullException.ThrowIfNull(code);
        _userDefinedTypes = userDefinedTypes;
        _code = code;
    }

    /// <inheritdoc />
    public override IModelCodeGenerator Select(ModelCodeGenerationOptions options)
        => new CassandraModelCodeGenerator(base.Select(options), _userDefinedTypes, _code);
}
