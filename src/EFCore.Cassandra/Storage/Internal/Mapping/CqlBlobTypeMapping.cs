using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>CQL <c>blob</c> ↔ <see cref="byte"/> arrays; literals are <c>0x</c> hex. Sizes configured in the model are not part of the CQL type.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlBlobTypeMapping : ByteArrayTypeMapping
{
    /// <summary>The shared instance.</summary>
    public static new CqlBlobTypeMapping Default { get; } = new();

    /// <summary>Creates the mapping.</summary>
    public CqlBlobTypeMapping()
        : base(new RelationalTypeMappingParameters(new CoreTypeMappingParameters(typeof(byte[]), comparer: CqlValueComparers.Bytes, keyComparer: CqlValueComparers.Bytes), "blob", StoreTypePostfix.None, System.Data.DbType.Binary))
    {
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    protected CqlBlobTypeMapping(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlBlobTypeMapping(parameters);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => CqlLiterals.Blob((byte[])value);
}
