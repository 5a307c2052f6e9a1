namespace EntityFrameworkCore.Cassandra.Metadata.Attributes;

/// <summary>
/// Maps a class to a CQL user-defined type: a property of this type becomes one column of type
/// <c>frozen&lt;name&gt;</c>, and the type is created with the table (<c>CREATE TYPE</c>), its fields being the class's
/// public read/write properties. The class needs a public parameterless constructor.
/// </summary>
/// <param name="name">The type's name in the keyspace; the class name in lower case when omitted.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false)]
public sealed class UserDefinedTypeAttribute(string? name = null) : Attribute
{
    /// <summary>The type's name in the keyspace, or null for the class name in lower case.</summary>
    public string? Name { get; } = name;
}
