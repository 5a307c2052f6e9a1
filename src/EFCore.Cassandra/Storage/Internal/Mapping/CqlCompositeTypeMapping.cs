using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// A CQL type made of other CQL types: list, set, map, tuple, user-defined type. Values are bound as the CLR objects
/// they are (the driver's codecs encode collections, tuples and objects against the prepared statement's types), and
/// a value comparer that looks inside the value makes change tracking see added or changed elements.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public abstract class CqlCompositeTypeMapping : RelationalTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The CLR type.</param>
    /// <param name="storeType">The CQL type.</param>
    /// <param name="comparer">The value comparer that looks inside the value.</param>
    /// <param name="elementMappings">The mappings of the component types.</param>
    protected CqlCompositeTypeMapping(Type clrType, string storeType, ValueComparer? comparer, IReadOnlyList<RelationalTypeMapping> elementMappings)
        : base(new RelationalTypeMappingParameters(new CoreTypeMappingParameters(clrType, comparer: comparer, keyComparer: comparer), storeType))
    {
        ElementMappings = elementMappings;
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="elementMappings">The mappings of the component types.</param>
    protected CqlCompositeTypeMapping(RelationalTypeMappingParameters parameters, IReadOnlyList<RelationalTypeMapping> elementMappings)
        : base(parameters)
    {
        ElementMappings = elementMappings;
    }

    /// <summary>The mappings of the component types (element; key and value; tuple components; UDT fields).</summary>
    public virtual IReadOnlyList<RelationalTypeMapping> ElementMappings { get; }

    /// <summary>
    /// The CQL type of this type inside another one. Collections nested in collections must be frozen; tuples and
    /// user-defined types are frozen already.
    /// </summary>
    public virtual string NestedStoreType => StoreType;

    /// <summary>
    /// Whether the column type is <c>frozen&lt;…&gt;</c>: written and compared whole (never updated element by element).
    /// </summary>
    public virtual bool IsFrozen => StoreType.StartsWith("frozen<", StringComparison.OrdinalIgnoreCase);

    /// <summary>The store type, frozen: <c>frozen&lt;list&lt;int&gt;&gt;</c> for <c>list&lt;int&gt;</c>; unchanged when frozen already.</summary>
    public virtual string FrozenStoreType => IsFrozen ? StoreType : $"frozen<{StoreType}>";

    /// <summary>The CQL type of <paramref name="mapping"/> when it is a component of another type.</summary>
    public static string NestedStoreTypeOf(RelationalTypeMapping mapping)
        => mapping is CqlCompositeTypeMapping composite ? composite.NestedStoreType : mapping.StoreType;

    /// <summary>A component value as a CQL literal.</summary>
    protected static string ElementLiteral(RelationalTypeMapping mapping, object? value) => mapping.GenerateSqlLiteral(value);
}
