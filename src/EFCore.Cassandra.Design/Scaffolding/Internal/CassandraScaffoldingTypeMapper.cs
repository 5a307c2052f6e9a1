using Microsoft.EntityFrameworkCore.Scaffolding.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Scaffolding.Internal;

/// <summary>
/// EF's store type to CLR type mapping for scaffolded columns, plus the classes generated for user-defined types: a
/// column's <c>frozen&lt;name&gt;</c> has no mapping of its own (no class exists for it until scaffolding makes one).
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraScaffoldingTypeMapper : IScaffoldingTypeMapper
{
    private readonly ScaffoldingTypeMapper _inner;
    private readonly CassandraUserDefinedTypeClasses _userDefinedTypes;

    /// <summary>Creates the mapper.</summary>
    /// <param name="typeMappingSource">The provider's type mappings.</param>
    /// <param name="userDefinedTypes">The classes generated for user-defined types.</param>
    public CassandraScaffoldingTypeMapper(IRelationalTypeMappingSource typeMappingSource, CassandraUserDefinedTypeClasses userDefinedTypes)
    {
        ArgumentNullException.ThrowIfNull(userDefinedTypes);
        _inner = new ScaffoldingTypeMapper(typeMappingSource);
        _userDefinedTypes = userDefinedTypes;
    }

    /// <inheritdoc />
    public virtual TypeScaffoldingInfo? FindMapping(string storeType, bool keyOrIndex, bool rowVersion)
        => FindMapping(storeType, keyOrIndex, rowVersion, clrType: null);

    /// <inheritdoc />
    public virtual TypeScaffoldingInfo? FindMapping(string storeType, bool keyOrIndex, bool rowVersion, Type? clrType)
        => _userDefinedTypes.FindByStoreType(storeType) is { } userDefinedType
            ? new TypeScaffoldingInfo(userDefinedType, inferred: true, scaffoldUnicode: null, scaffoldMaxLength: null, scaffoldFixedLength: null, scaffoldPrecision: null, scaffoldScale: null)
            : _inner.FindMapping(storeType, keyOrIndex, rowVersion, clrType);
}
