using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

/// <summary>
/// Records every command EF would send, with its bound parameters, and suppresses both opening the connection and
/// executing the commands: SaveChanges runs its whole pipeline without a server.
/// </summary>
public sealed class CommandCapture : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<(string Text, IReadOnlyDictionary<string, object?> Parameters)> Commands { get; } = [];

    public IEnumerable<string> Texts => Commands.Select(c => c.Text);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(-1));
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return InterceptionResult<int>.SuppressWithResult(-1);
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => ValueTask.FromResult(InterceptionResult.Suppress());

    public PeopleContext CreateContext(string keyspace = "ks")
        => new(new DbContextOptionsBuilder()
            .UseCassandra($"Contact Points=127.0.0.1;Keyspace={keyspace}")
            .AddInterceptors(this)
            .Options);

    private void Record(DbCommand command)
        => Commands.Add((
            command.CommandText,
            command.Parameters.Cast<DbParameter>().ToDictionary(p => p.ParameterName, p => p.Value is DBNull ? null : p.Value)));
}
