namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>The operator of one restriction of a CQL WHERE clause.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public enum CqlRestrictionKind
{
    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
    Range,

    /// <summary><c>IN</c>.</summary>
    In,

    /// <summary><c>CONTAINS</c>.</summary>
    Contains,

    /// <summary><c>CONTAINS KEY</c>.</summary>
    ContainsKey,

    /// <summary>A comparison of <c>token(...)</c> of the partition key columns.</summary>
    Token,
}

/// <summary>One restriction of a CQL WHERE clause: a column (or the token of columns), an operator and a value.</summary>
/// <param name="Columns">The restricted column, or the columns inside <c>token(...)</c>.</param>
/// <param name="Kind">The operator.</param>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed record CqlRestriction(IReadOnlyList<string> Columns, CqlRestrictionKind Kind)
{
    /// <summary>The restricted column (the first one for a token restriction).</summary>
    public string Column => Columns[0];
}
