using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal.Mapping;

/// <summary>
/// A CQL type with no EF base mapping of its own (date, time, duration, varint, inet, timeuuid): the CLR value is
/// bound as it is (the driver's codec encodes it) and printed as a literal by <see cref="Literal"/>.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CqlScalarTypeMapping : RelationalTypeMapping
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="clrType">The CLR type.</param>
    /// <param name="storeType">The CQL type name.</param>
    /// <param name="literal">Prints a non-null value as a CQL literal.</param>
    public CqlScalarTypeMapping(Type clrType, string storeType, Func<object, string> literal)
        : base(new RelationalTypeMappingParameters(new CoreTypeMappingParameters(clrType), storeType))
    {
        Literal = literal;
    }

    /// <summary>Creates a copy of the mapping with changed parameters.</summary>
    /// <param name="parameters">The parameters of the copy.</param>
    /// <param name="literal">Prints a non-null value as a CQL literal.</param>
    protected CqlScalarTypeMapping(RelationalTypeMappingParameters parameters, Func<object, string> literal)
        : base(parameters)
    {
        Literal = literal;
    }

    /// <summary>Prints a non-null value as a CQL literal.</summary>
    public virtual Func<object, string> Literal { get; }

    /// <inheritdoc />
    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new CqlScalarTypeMapping(parameters, Literal);

    /// <inheritdoc />
    protected override string GenerateNonNullSqlLiteral(object value) => Literal(value);
}
