using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore.Query;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// Renders a command for <c>ToQueryString()</c>: one CQL comment line per bound value (<c>-- :name='value'</c>),
/// then the CQL text exactly as it is sent.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraQueryStringFactory : IRelationalQueryStringFactory
{
    /// <inheritdoc />
    public virtual string Create(DbCommand command)
    {
        if (command.Parameters.Count == 0)
        {
            return command.CommandText;
        }

        var builder = new StringBuilder();
        foreach (DbParameter parameter in command.Parameters)
        {
            var name = parameter.ParameterName.StartsWith(':') ? parameter.ParameterName : ":" + parameter.ParameterName;
            builder.Append("-- ").Append(name).Append('=').AppendLine(Format(parameter.Value));
        }

        return builder.AppendLine().Append(command.CommandText).ToString();
    }

    private static string Format(object? value)
        => value switch
        {
            null or DBNull => "NULL",
            byte[] bytes => CqlLiterals.Blob(bytes),
            bool b => CqlLiterals.Boolean(b),
            DateTime dateTime => CqlLiterals.Timestamp(dateTime),
            DateTimeOffset dateTimeOffset => CqlLiterals.Timestamp(dateTimeOffset),
            string s => CqlLiterals.String(s),
            IFormattable formattable => "'" + formattable.ToString(null, CultureInfo.InvariantCulture) + "'",
            IEnumerable enumerable => "[" + string.Join(", ", enumerable.Cast<object?>().Select(Format)) + "]",
            _ => "'" + value + "'",
        };
}
