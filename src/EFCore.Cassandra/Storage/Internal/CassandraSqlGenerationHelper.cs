using System.Text;

using EntityFrameworkCore.Cassandra.Diagnostics.Internal;

using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// CQL lexical rules: identifiers are always double-quoted (CQL folds unquoted names to lower case), bind markers are
/// <c>:name</c>, and statements need no terminator (<c>;</c> separates statements in scripts only).
/// </summary>
/// <remarks>
/// Bind marker names must be CQL identifiers (an ASCII letter, then letters, digits and underscores) and are
/// compared case-insensitively by the server, so the names EF chooses are folded to that form. The parameter's
/// ADO.NET name is the marker itself (<c>:name</c>), which the driver binds to the marker of that name.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraSqlGenerationHelper(RelationalSqlGenerationHelperDependencies dependencies)
    : RelationalSqlGenerationHelper(dependencies)
{
    /// <inheritdoc />
    public override string StatementTerminator => ";";

    /// <summary>Scripts separate statements with the terminator alone; CQL has no batch separator like GO.</summary>
    public override string BatchTerminator => string.Empty;

    /// <inheritdoc />
    public override string StartTransactionStatement => throw new NotSupportedException(CassandraStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public override string CommitTransactionStatement => throw new NotSupportedException(CassandraStrings.TransactionsNotSupported);

    /// <inheritdoc />
    public override string EscapeIdentifier(string identifier) => identifier.Replace("\"", "\"\"", StringComparison.Ordinal);

    /// <inheritdoc />
    public override void EscapeIdentifier(StringBuilder builder, string identifier)
        => builder.Append(identifier.Replace("\"", "\"\"", StringComparison.Ordinal));

    /// <inheritdoc />
    public override string DelimitIdentifier(string identifier) => "\"" + EscapeIdentifier(identifier) + "\"";

    /// <inheritdoc />
    public override void DelimitIdentifier(StringBuilder builder, string identifier)
    {
        builder.Append('"');
        EscapeIdentifier(builder, identifier);
        builder.Append('"');
    }

    /// <inheritdoc />
    public override string GenerateParameterName(string name) => ":" + ToMarkerName(name);

    /// <inheritdoc />
    public override void GenerateParameterName(StringBuilder builder, string name) => builder.Append(':').Append(ToMarkerName(name));

    /// <inheritdoc />
    public override string GenerateParameterNamePlaceholder(string name) => GenerateParameterName(name);

    /// <inheritdoc />
    public override void GenerateParameterNamePlaceholder(StringBuilder builder, string name) => GenerateParameterName(builder, name);

    /// <inheritdoc />
    public override string GenerateCreateSavepointStatement(string name) => throw new NotSupportedException(CassandraStrings.SavepointsNotSupported);

    /// <inheritdoc />
    public override string GenerateRollbackToSavepointStatement(string name) => throw new NotSupportedException(CassandraStrings.SavepointsNotSupported);

    /// <inheritdoc />
    public override string GenerateReleaseSavepointStatement(string name) => throw new NotSupportedException(CassandraStrings.SavepointsNotSupported);

    /// <summary>
    /// Folds a name EF chose into a CQL bind marker name: ASCII letters lower-cased, digits and underscores kept,
    /// anything else replaced by an underscore, and a <c>p</c> prepended when it does not start with a letter.
    /// </summary>
    /// <param name="name">The name EF chose, with or without a leading <c>:</c> or <c>@</c>.</param>
    /// <returns>The marker name, without the colon.</returns>
    public static string ToMarkerName(string name)
    {
        var span = name.AsSpan().TrimStart(":@");
        var builder = new StringBuilder(span.Length + 1);
        if (span.IsEmpty || !char.IsAsciiLetter(span[0]))
        {
            builder.Append('p');
        }

        foreach (var c in span)
        {
            builder.Append(
                char.IsAsciiLetter(c) ? char.ToLowerInvariant(c)
                : char.IsAsciiDigit(c) || c == '_' ? c
                : '_');
        }

        // A reserved keyword is not an identifier in CQL, so ":limit" does not parse; EF names parameters after the captured
        // variables (a local called "limit" or "order"), so such names get a trailing underscore.
        if (ReservedKeywords.Contains(builder.ToString()))
        {
            builder.Append('_');
        }

        return builder.ToString();
    }

    // The reserved keywords of CQL 3 up to Cassandra 5 (unreserved keywords are valid identifiers and marker names).
    private static readonly HashSet<string> ReservedKeywords = new(StringComparer.Ordinal)
    {
        "add", "allow", "alter", "and", "apply", "asc", "authorize", "batch", "begin", "by", "cast", "columnfamily", "create",
        "default", "delete", "desc", "describe", "drop", "entries", "execute", "from", "full", "grant", "if", "in", "index",
        "infinity", "insert", "into", "is", "keyspace", "limit", "materialized", "mbean", "mbeans", "modify", "nan",
        "norecursive", "not", "null", "of", "on", "or", "order", "primary", "rename", "replace", "revoke", "schema", "select",
        "set", "table", "to", "token", "truncate", "unlogged", "unset", "update", "use", "using", "view", "where", "with",
    };
}
