using System.Data;
using System.Data.Common;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// Records the CQL of every query a context runs and answers it with an empty result, without a server: the
/// translation of terminal operators (Count, First, Any, …) that ToQueryString cannot show.
/// </summary>
public sealed class CqlCapture : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<string> Commands { get; } = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Commands.Add(command.CommandText);
        return InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader());
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Commands.Add(command.CommandText);
        return InterceptionResult<int>.SuppressWithResult(0);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
        => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => ValueTask.FromResult(InterceptionResult.Suppress());

    /// <summary>The CQL that running <paramref name="run"/> on a fresh capturing context sends (its result is ignored).</summary>
    public static string Of(Action<ReadingContext> run, string version = "2.1.0")
    {
        var capture = new CqlCapture();
        using var context = new ReadingContext(new DbContextOptionsBuilder()
            .UseCassandra("Contact Points=127.0.0.1;Keyspace=ks", o => o.ServerVersion(version))
            .AddInterceptors(capture)
            .Options);
        try
        {
            run(context);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Sequence contains no elements", StringComparison.Ordinal))
        {
            // Count/First/Single over the empty answer.
        }

        return Assert.Single(capture.Commands);
    }
}
