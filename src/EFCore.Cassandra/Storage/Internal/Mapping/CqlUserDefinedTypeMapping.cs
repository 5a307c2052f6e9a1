using System.Reflection;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// A CQL user-defined type ↔ a class marked with <c>[UserDefinedType]</c>: one field per public read/write property
/// (named like the property, in lower case). The column type is <c>frozen&lt;"name"&gt;</c>; the type itself is created
/// in the table's keyspace before the table (see the migrations SQL generator).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlUserDefinedTypeMapping : CqlCompositeTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The class.</param>
    /// <param name="name">The type's name in the keyspace.</param>
    /// <param name="fields">The fields: the property, the field name and the field's mapping.</param>
    public CqlUserDefinedTypeMapping(Type clrType, string name, IReadOnlyList<(PropertyInfo Property, string Name, RelationalTypeMapping Mapping)> fields)
        : base(clrType, $"frozen<\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\">", CqlValueComparers.Object(clrType, fields), fields.Select(f => f.Mapping).ToList())
    {
        TypeName = name;
        Fields = fields;
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="source">The mapping copied.</param>
    protected CqlUserDefinedTypeMapping(RelationalTypeMappingParameters parameters, CqlUserDefinedTypeMapping source)
        : base(parameters, source.ElementMappings)
    {
        TypeName = source.TypeName;
        Fields = source.Fields;
    }

    /// <summary>The type's name in the keyspace.</summary>
    public virtual string TypeName { get; }

    /// <summary>The fields: the property, the field name and the field's mapping.</summary>
    public virtual IReadOnlyList<(PropertyInfo Property, string Name, RelationalTypeMapping Mapping)> Fields { get; }

    /// <summary>The fields as <c>CREATE TYPE</c> declares them: name and CQL type (a nested type <c>frozen&lt;"name"&gt;</c>).</summary>
    public virtual IReadOnlyList<(string Name, string Type)> FieldTypes
        => Fields.Select(f => (f.Name, NestedStoreTypeOf(f.Mapping))).ToList();

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlUserDefinedTypeMapping(parameters, this);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value)
        => "{" + string.Join(
            ", ",
            Fields.Select(f => "\"" + f.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\": " + ElementLiteral(f.Mapping, f.Property.GetValue(value)))) + "}";
}
