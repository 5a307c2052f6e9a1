using System.Data.Common;

using CqlConnector;

using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// A command that carries the query's Cassandra options to the <see cref="CqlCommand"/> it creates: consistency, page
/// size, and for <c>ToPageAsync</c> the paging state to start from and the reader that serves the page.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraRelationalCommand(
    RelationalCommandBuilderDependencies dependencies,
    string commandText,
    string logCommandText,
    IReadOnlyList<IRelationalParameter> parameters)
    : RelationalCommand(dependencies, commandText, logCommandText, parameters)
{
    /// <summary>The options of the query this command runs (none for other commands).</summary>
    public virtual CqlQueryOptions CqlOptions { get; set; } = CqlQueryOptions.None;

    /// <inheritdoc />
    public override void PopulateFrom(IRelationalCommandTemplate commandTemplate)
    {
        base.PopulateFrom(commandTemplate);
        CqlOptions = commandTemplate is CassandraRelationalCommand cassandra ? cassandra.CqlOptions : CqlQueryOptions.None;
    }

    /// <inheritdoc />
    public override DbCommand CreateDbCommand(RelationalCommandParameterObject parameterObject, Guid commandId, DbCommandMethod commandMethod)
    {
        var command = base.CreateDbCommand(parameterObject, commandId, commandMethod);
        if (CqlOptions.AffectsCommand && command is CqlCommand cql)
        {
            cql.ConsistencyLevel = CqlOptions.Consistency ?? cql.ConsistencyLevel;
            cql.PageSize = CqlOptions.PageSize ?? cql.PageSize;
            if (PageRequest(parameterObject) is { } request)
            {
                cql.PageSize = request.PageSize;
                cql.PagingState = request.PagingState;
                cql.SinglePage = true;
            }
        }

        return command;
    }

    /// <inheritdoc />
    public override RelationalDataReader ExecuteReader(RelationalCommandParameterObject parameterObject)
        => Capture(parameterObject, base.ExecuteReader(parameterObject));

    /// <inheritdoc />
    public override async Task<RelationalDataReader> ExecuteReaderAsync(
        RelationalCommandParameterObject parameterObject,
        CancellationToken cancellationToken = default)
        => Capture(parameterObject, await base.ExecuteReaderAsync(parameterObject, cancellationToken).ConfigureAwait(false));

    private RelationalDataReader Capture(RelationalCommandParameterObject parameterObject, RelationalDataReader reader)
    {
        if (PageRequest(parameterObject) is { } request)
        {
            request.Reader = reader.DbDataReader as CqlDataReader;
        }

        return reader;
    }

    private CqlPageRequest? PageRequest(RelationalCommandParameterObject parameterObject)
        => CqlOptions.PageRequestParameter is { } name
            && parameterObject.ParameterValues is { } values
            && values.TryGetValue(name, out var value)
                ? value as CqlPageRequest
                : null;
}
