using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CqlConnector.Serialization;

namespace CqlConnector;

/// <summary>
/// A value bound to a bind marker: by name (<c>:name</c> markers; the name may be given with or without a leading
/// ':' or '@') or by position (<c>?</c> markers). <c>null</c> and <see cref="DBNull"/> bind CQL null;
/// <see cref="CqlUnset.Value"/> leaves the column untouched (protocol v4+).
/// </summary>
public sealed class CqlParameter : DbParameter
{
    private string _name = string.Empty;

    /// <summary>Creates an unnamed parameter.</summary>
    public CqlParameter()
    {
    }

    /// <summary>Creates a parameter with a name and a value.</summary>
    public CqlParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <summary>The CQL type to encode the value as; when null the prepared statement's type (or the CLR type) decides.</summary>
    public CqlType? CqlType { get; set; }

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("CQL has only input parameters.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? string.Empty;
    }

    /// <summary>The name without a leading ':' or '@'.</summary>
    internal string NormalizedName => _name.Length > 0 && _name[0] is ':' or '@' ? _name[1..] : _name;

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}
