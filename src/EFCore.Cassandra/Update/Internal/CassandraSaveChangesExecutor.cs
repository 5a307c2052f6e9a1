using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Infrastructure.Internal;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// Sends the statements of a SaveChanges: each modification becomes one statement (<see cref="CqlWriteBuilder"/>),
/// statements of one partition may share an unlogged batch (or all share one logged batch when configured), and the
/// requests run through the driver's concurrent executor with the configured bound on requests in flight.
/// </summary>
/// <remarks>
/// <para>
/// Nothing written is forgotten: when some requests fail, the entries whose requests succeeded are accepted (Added
/// and Modified become Unchanged, Deleted become Detached) before <see cref="DbUpdateException"/> names exactly the
/// entries that failed, so SaveChanges again sends only those. A lightweight transaction answering
/// <c>[applied] = false</c> fails its entries with <see cref="DbUpdateConcurrencyException"/> (a concurrency token
/// changed) or <see cref="DbUpdateException"/> (IF NOT EXISTS found the row).
/// </para>
/// <para>
/// Each request is logged (and intercepted) as one command; the duration logged is that of the whole concurrent run,
/// since requests overlap. The synchronous SaveChanges sends the same requests (the same unlogged batches per
/// partition, or the logged batch and the counter batch beside it) one after another on the driver's synchronous
/// ADO.NET path (<see cref="CqlCommand"/>, <see cref="CqlBatch"/>), which never waits for a thread-pool thread, and
/// logs each request's own duration; its failures are reported and its written entries accepted exactly as
/// SaveChangesAsync does. There a RequestTimeout is rounded up to whole seconds (the ADO.NET timeouts' unit).
/// </para>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraSaveChangesExecutor(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IRelationalCommandDiagnosticsLogger logger,
    ISqlGenerationHelper sqlGenerationHelper,
    CassandraWriteOptionsStore writeOptions)
{
    private static readonly ConditionalWeakTable<CqlSession, ConcurrentDictionary<string, Task<PreparedStatement>>> Prepared = new();

    private readonly CassandraOptionsExtension _options = options.FindExtension<CassandraOptionsExtension>() ?? new CassandraOptionsExtension();
    private readonly bool _sensitive = options.FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled ?? false;

    /// <summary>Runs the statements of <paramref name="commands"/> concurrently; returns the number of entries written.</summary>
    public virtual Task<int> ExecuteAsync(
        IReadOnlyList<IReadOnlyModificationCommand> commands,
        IRelationalConnection connection,
        CancellationToken cancellationToken)
        => ExecuteAsync(commands, connection, async: true, cancellationToken).AsTask();

    /// <summary>
    /// Runs the same requests as <see cref="ExecuteAsync(IReadOnlyList{IReadOnlyModificationCommand}, IRelationalConnection, CancellationToken)"/>
    /// one after another on the driver's synchronous path; returns the number of entries written.
    /// </summary>
    public virtual int Execute(IReadOnlyList<IReadOnlyModificationCommand> commands, IRelationalConnection connection)
    {
        var run = ExecuteAsync(commands, connection, async: false, CancellationToken.None);

        // With async: false nothing is awaited that has not completed: the run is over here, and reading its result
        // never waits for a thread-pool thread.
        Debug.Assert(run.IsCompleted, "The synchronous SaveChanges awaited asynchronous work.");
        return run.GetAwaiter().GetResult();
    }

    // The one implementation of both: requests grouped alike, logged and intercepted alike, their outcomes accepted or
    // raised alike. Only the sending differs: concurrent through the driver's executor, or one request after another on
    // its synchronous ADO.NET path (which never needs a thread-pool thread).
    private async ValueTask<int> ExecuteAsync(
        IReadOnlyList<IReadOnlyModificationCommand> commands,
        IRelationalConnection connection,
        bool async,
        CancellationToken cancellationToken)
    {
        var units = BuildUnits(commands);
        var outcomes = new Outcome[units.Count];
        if (async)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            connection.Open();
        }

        try
        {
            var startTime = DateTimeOffset.UtcNow;

            // Asked per request, as EF does: when the first request finds no logger, interceptor or listener, EF
            // suppresses the check for a while and the other requests skip building a command just to log it.
            DbCommand?[]? logCommands = null;
            Guid[]? commandIds = null;
            var toRun = new List<int>(units.Count);
            for (var i = 0; i < units.Count; i++)
            {
                if (logger.ShouldLogCommandExecute(startTime))
                {
                    logCommands ??= new DbCommand?[units.Count];
                    commandIds ??= new Guid[units.Count];
                    commandIds[i] = Guid.NewGuid();
                    var command = logCommands[i] = CreateLogCommand(connection, units[i]);
                    var interception = async
                        ? await logger.CommandNonQueryExecutingAsync(
                            connection, command, command.CommandText, currentContext.Context, commandIds[i], connection.ConnectionId,
                            startTime, CommandSource.SaveChanges, cancellationToken).ConfigureAwait(false)
                        : logger.CommandNonQueryExecuting(
                            connection, command, command.CommandText, currentContext.Context, commandIds[i], connection.ConnectionId,
                            startTime, CommandSource.SaveChanges);
                    if (interception.HasResult)
                    {
                        continue;
                    }
                }

                toRun.Add(i);
            }

            // One duration for the concurrent run (requests overlap), each request's own when sent one after another.
            var durations = async ? null : new TimeSpan[units.Count];
            var runDuration = TimeSpan.Zero;
            var stopwatch = Stopwatch.StartNew();
            if (async)
            {
                if (toRun.Count > 0)
                {
                    await SendConcurrentlyAsync(connection, units, toRun, outcomes, cancellationToken).ConfigureAwait(false);
                }

                runDuration = stopwatch.Elapsed;
            }
            else
            {
                foreach (var index in toRun)
                {
                    var sentAt = stopwatch.Elapsed;
                    outcomes[index] = Send(connection, units[index]);
                    durations![index] = stopwatch.Elapsed - sentAt;
                }
            }

            for (var i = 0; i < units.Count; i++)
            {
                if (outcomes[i].IsNotSent)
                {
                    continue;
                }

                var command = logCommands?[i];
                var exception = outcomes[i].Exception;
                if (command is null)
                {
                    // This request's executing event was skipped: EF suppressed the check once the first request found
                    // nothing watching it. As EF does, an error is always logged, and an executed event is logged when
                    // asking again says so (logging the previous one lifted the suppression).
                    if (exception is null && !logger.ShouldLogCommandExecute(startTime))
                    {
                        continue;
                    }

                    logCommands ??= new DbCommand?[units.Count];
                    commandIds ??= new Guid[units.Count];
                    commandIds[i] = Guid.NewGuid();
                    command = logCommands[i] = CreateLogCommand(connection, units[i]);
                }

                var duration = durations?[i] ?? runDuration;
                if (exception is not null)
                {
                    if (async)
                    {
                        await logger.CommandErrorAsync(
                            connection, command, command.CommandText, currentContext.Context, DbCommandMethod.ExecuteNonQuery,
                            commandIds![i], connection.ConnectionId, exception, startTime, duration, CommandSource.SaveChanges,
                            CancellationToken.None).ConfigureAwait(false);
                    }
                    else
                    {
                        logger.CommandError(
                            connection, command, command.CommandText, currentContext.Context, DbCommandMethod.ExecuteNonQuery,
                            commandIds![i], connection.ConnectionId, exception, startTime, duration, CommandSource.SaveChanges);
                    }
                }
                else if (async)
                {
                    await logger.CommandNonQueryExecutedAsync(
                        connection, command, command.CommandText, currentContext.Context, commandIds![i],
                        connection.ConnectionId, -1, startTime, duration, CommandSource.SaveChanges, CancellationToken.None)
                        .ConfigureAwait(false);
                }
                else
                {
                    logger.CommandNonQueryExecuted(
                        connection, command, command.CommandText, currentContext.Context, commandIds![i],
                        connection.ConnectionId, -1, startTime, duration, CommandSource.SaveChanges);
                }
            }
        }
        finally
        {
            if (async)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
            else
            {
                connection.Close();
            }
        }

        ForgetWriteOptions(units, outcomes);
        if (outcomes.Any(o => o.IsNotSent))
        {
            ThrowCancelled(units, outcomes, cancellationToken);
        }

        ThrowOnFailures(units, outcomes);
        return commands.Count;
    }

    private async Task SendConcurrentlyAsync(
        IRelationalConnection connection,
        List<CqlWriteUnit> units,
        List<int> toRun,
        Outcome[] outcomes,
        CancellationToken cancellationToken)
    {
        var session = ((CqlConnection)connection.DbConnection).CqlDataSource.Session;
        var statements = await BuildStatementsAsync(session, units, toRun, outcomes, cancellationToken).ConfigureAwait(false);

        // Once requests are sent, a cancellation stops the sending of further statements only: the requests in flight
        // are awaited (not abandoned), so that what was written is known and accepted, and the next SaveChanges does
        // not send an applied counter delta or insert again.
        var results = await session.ExecuteConcurrentAsync(
                UntilCancelled(statements.Select(s => s.Statement), cancellationToken),
                _options.MaxStatementsInFlight,
                null,
                CancellationToken.None)
            .ConfigureAwait(false);
        for (var r = 0; r < results.Count; r++)
        {
            outcomes[statements[r].Unit] = Evaluate(units[statements[r].Unit], results[r]);
        }

        for (var r = results.Count; r < statements.Count; r++)
        {
            outcomes[statements[r].Unit] = Outcome.NotSent;
        }
    }

    private static IEnumerable<CqlStatement> UntilCancelled(IEnumerable<CqlStatement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            yield return statement;
        }
    }

    private void ThrowCancelled(List<CqlWriteUnit> units, Outcome[] outcomes, CancellationToken cancellationToken)
    {
        if (AcceptsChanges)
        {
            AcceptSucceeded(units, outcomes);
        }

        var sent = outcomes.Count(o => !o.IsNotSent);
        throw new OperationCanceledException(
            $"SaveChanges was cancelled after {sent} of its {units.Count} requests were sent. Those requests were awaited: the entries "
            + "they wrote were accepted (unless SaveChanges(acceptAllChangesOnSuccess: false) was called), and the entries not "
            + "written keep their state, so SaveChanges again sends only those (and any that failed).",
            cancellationToken);
    }

    // One request on the driver's synchronous ADO.NET path: a command for a single statement, a CqlBatch (one BATCH
    // request) for a batch. Preparing and sending there never wait for a thread-pool thread.
    private Outcome Send(IRelationalConnection connection, CqlWriteUnit unit)
    {
        var cqlConnection = (CqlConnection)connection.DbConnection;
        var timeout = _options.RequestTimeout is not { } requestTimeout ? (int?)null
            : requestTimeout == Timeout.InfiniteTimeSpan ? 0
            : Math.Max(1, (int)Math.Ceiling(requestTimeout.TotalSeconds));
        try
        {
            if (unit.BatchType is { } batchType)
            {
                using var batch = new CqlBatch(cqlConnection)
                {
                    BatchType = batchType,
                    IsIdempotent = unit.IsIdempotent,
                    ConsistencyLevel = _options.Consistency,
                    SerialConsistencyLevel = _options.SerialConsistency,
                    Timeout = timeout ?? 0,
                };
                foreach (var write in unit.Writes)
                {
                    var statement = new CqlBatchCommand(write.Text);
                    AddParameters(statement.Parameters, write.Values);
                    batch.BatchCommands.Add(statement);
                }

                using var batchReader = batch.ExecuteReader();
                return Evaluate(unit, batchReader);
            }

            using var command = new CqlCommand(unit.Writes[0].Text, cqlConnection)
            {
                IsIdempotent = unit.IsIdempotent,
                ConsistencyLevel = _options.Consistency,
                SerialConsistencyLevel = _options.SerialConsistency,
            };
            if (timeout is { } seconds)
            {
                command.CommandTimeout = seconds;
            }

            AddParameters(command.Parameters, unit.Writes[0].Values);
            using var reader = command.ExecuteReader();
            return Evaluate(unit, reader);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Outcome(exception, false);
        }
    }

    private static void AddParameters(CqlParameterCollection parameters, object?[] values)
    {
        for (var v = 0; v < values.Length; v++)
        {
            parameters.Add(new CqlParameter { ParameterName = ":p" + v, Value = values[v] ?? DBNull.Value });
        }
    }

    private List<CqlWriteUnit> BuildUnits(IReadOnlyList<IReadOnlyModificationCommand> commands)
    {
        var builder = new CqlWriteBuilder(sqlGenerationHelper);
        var writes = new CqlWrite[commands.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = builder.Build(commands[i], writeOptions.IsEmpty ? null
                : commands[i].Entries.Count > 0 ? writeOptions.Resolve(commands[i].Entries[0].ToEntityEntry().Entity) : writeOptions.Current);
        }

        return CqlWriteUnit.Group(writes, _options.UseLoggedBatch, _options.MaxStatementsPerBatch);
    }

    // A unit whose statement cannot be prepared (the table or a column is missing, a type differs) fails on its own:
    // its outcome records the server's answer and the other units are still sent.
    private async Task<List<(int Unit, CqlStatement Statement)>> BuildStatementsAsync(
        CqlSession session,
        List<CqlWriteUnit> units,
        List<int> toRun,
        Outcome[] outcomes,
        CancellationToken cancellationToken)
    {
        var cache = Prepared.GetValue(session, static _ => new ConcurrentDictionary<string, Task<PreparedStatement>>(StringComparer.Ordinal));
        var statements = new List<(int, CqlStatement)>(toRun.Count);

        // Rows of one shape share one text instance (CqlWriteBuilder): consecutive ones skip the cache lookup.
        string? lastText = null;
        PreparedStatement? lastPrepared = null;
        foreach (var index in toRun)
        {
            var unit = units[index];
            CqlStatement statement;
            try
            {
                if (unit.BatchType is { } batchType)
                {
                    var batch = new BatchStatement(batchType);
                    foreach (var write in unit.Writes)
                    {
                        batch.Add(await BindAsync(write).ConfigureAwait(false));
                    }

                    statement = batch;
                }
                else
                {
                    statement = await BindAsync(unit.Writes[0]).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                outcomes[index] = new Outcome(exception, false);
                continue;
            }

            statement.IsIdempotent = unit.IsIdempotent;
            statement.Consistency = _options.Consistency ?? statement.Consistency;
            statement.SerialConsistency = _options.SerialConsistency;
            statement.Timeout = _options.RequestTimeout ?? statement.Timeout;
            statements.Add((index, statement));
        }

        return statements;

        async ValueTask<BoundStatement> BindAsync(CqlWrite write)
        {
            if (!ReferenceEquals(write.Text, lastText))
            {
                lastPrepared = await PrepareAsync(session, cache, write.Text, cancellationToken).ConfigureAwait(false);
                lastText = write.Text;
            }

            return lastPrepared!.Bind(write.Values);
        }
    }

    private static Task<PreparedStatement> PrepareAsync(
        CqlSession session,
        ConcurrentDictionary<string, Task<PreparedStatement>> cache,
        string text,
        CancellationToken cancellationToken)
    {
        var preparation = cache.GetOrAdd(text, static (text, s) => s.PrepareAsync(text), session);
        if (!preparation.IsCompleted)
        {
            // A failed preparation is never kept: the next SaveChanges prepares again (the schema may have been fixed),
            // also when this caller stopped waiting for it.
            _ = preparation.ContinueWith(
                static (task, state) =>
                {
                    var (c, text) = ((ConcurrentDictionary<string, Task<PreparedStatement>>, string))state!;
                    c.TryRemove(new KeyValuePair<string, Task<PreparedStatement>>(text, task));
                },
                (cache, text),
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else if (!preparation.IsCompletedSuccessfully)
        {
            cache.TryRemove(new KeyValuePair<string, Task<PreparedStatement>>(text, preparation));
        }

        return preparation.WaitAsync(cancellationToken);
    }

    private static Outcome Evaluate(CqlWriteUnit unit, CqlConcurrentResult result)
    {
        if (!result.IsSuccess)
        {
            return new Outcome(result.Exception, false);
        }

        if (!unit.IsConditional)
        {
            return default;
        }

        using var resultSet = result.Result!;
        var page = resultSet.CurrentPage;
        return Applied(page.Count == 0 || page[0].Get<bool>(0));
    }

    private static Outcome Evaluate(CqlWriteUnit unit, CqlDataReader reader)
        => !unit.IsConditional ? default : Applied(!reader.Read() || reader.GetBoolean(0));

    // A lightweight transaction answers with [applied] first (followed by the current values when it was not applied).
    private static Outcome Applied(bool applied) => applied ? default : Outcome.NotApplied;

    private static DbCommand CreateLogCommand(IRelationalConnection connection, CqlWriteUnit unit)
    {
        var command = connection.DbConnection.CreateCommand();
        command.CommandText = unit.Text;
        for (var w = 0; w < unit.Writes.Count; w++)
        {
            var values = unit.Writes[w].Values;
            for (var v = 0; v < values.Length; v++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = unit.Writes.Count == 1 ? ":p" + v : $":s{w}_p{v}";
                parameter.Value = values[v] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }

    // Options set on an entity apply to its next write only.
    // False under SaveChanges(acceptAllChangesOnSuccess: false). The state manager is resolved when needed: it depends
    // (through IDatabase) on this executor.
#pragma warning disable EF1001 // the state manager is pubternal; only the provider's own subclass is read
    private bool AcceptsChanges
        => currentContext.Context.GetService<Microsoft.EntityFrameworkCore.ChangeTracking.Internal.IStateManager>()
            is not CassandraStateManager { AcceptAllChangesOnSuccess: false };
#pragma warning restore EF1001

    private void ForgetWriteOptions(List<CqlWriteUnit> units, Outcome[] outcomes)
    {
        if (writeOptions.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < units.Count; i++)
        {
            if (outcomes[i].Exception is null && !outcomes[i].IsNotApplied && !outcomes[i].IsNotSent)
            {
                foreach (var write in units[i].Writes)
                {
                    foreach (var entry in write.Command.Entries)
                    {
                        writeOptions.Written(entry.ToEntityEntry().Entity);
                    }
                }
            }
        }
    }

    private void ThrowOnFailures(List<CqlWriteUnit> units, Outcome[] outcomes)
    {
        List<IUpdateEntry>? failed = null;
        List<IUpdateEntry>? conflicts = null;
        List<string>? reasons = null;
        Exception? firstException = null;
        var notRetriable = false;
        var notAppliedInserts = false;
        for (var i = 0; i < units.Count; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Exception is null && !outcome.IsNotApplied)
            {
                continue;
            }

            var entries = units[i].Writes.SelectMany(w => w.Command.Entries).ToList();
            if (outcome.Exception is { } exception)
            {
                (failed ??= []).AddRange(entries);
                firstException ??= exception;
                notRetriable |= !units[i].IsIdempotent;
                (reasons ??= []).Add($"{Describe(entries)}: {exception.Message}");
            }
            else
            {
                (conflicts ??= []).AddRange(entries);
                notAppliedInserts |= units[i].Writes.Any(w => w.Command.EntityState == EntityState.Added);
            }
        }

        if (failed is null && conflicts is null)
        {
            return;
        }

        // With SaveChanges(acceptAllChangesOnSuccess: false) the caller accepts changes itself: nothing is accepted here,
        // and the exception's entries tell which ones were not written.
        var accept = AcceptsChanges;
        if (accept)
        {
            AcceptSucceeded(units, outcomes);
        }

        if (failed is null && !notAppliedInserts)
        {
            throw new DbUpdateConcurrencyException(
                $"The lightweight transaction of {Describe(conflicts!)} was not applied: the row's concurrency token no longer has "
                + "the value that was read (another writer changed or deleted the row). The other entries of this SaveChanges "
                + (accept ? "were saved and accepted. " : "were saved but not accepted (acceptAllChangesOnSuccess is false). ") + "Reload the entries named here (or use the values in this exception's entries), then save again.",
                conflicts!);
        }

        var all = (failed ?? []).Concat(conflicts ?? []).ToList();
        var message = new System.Text.StringBuilder()
            .Append(all.Count).Append(" of the entries of this SaveChanges were not saved; ")
            .Append(accept
                ? "the others were saved and accepted, so SaveChanges again sends only these. "
                : "the others were saved but, as acceptAllChangesOnSuccess is false, not accepted: accept them yourself "
                    + "(ChangeTracker.AcceptAllChanges would also accept these failed ones), or SaveChanges again sends them too. ");
        if (conflicts is not null)
        {
            message.Append("Not applied (IF NOT EXISTS found the row, or a concurrency token changed): ").Append(Describe(conflicts)).Append(". ");
        }

        if (reasons is not null)
        {
            message.Append("Failed: ").Append(string.Join("; ", reasons.Take(10))).Append(reasons.Count > 10 ? $"; and {reasons.Count - 10} more." : ".");
        }

        var updateException = new DbUpdateException(message.ToString(), firstException, all);
        if (notRetriable || conflicts is not null)
        {
            // EF's execution strategy looks at the inner exception of a DbUpdateException: mark both.
            updateException.Data[Storage.CassandraRetryingExecutionStrategy.NotRetriableKey] = true;
            if (firstException is not null)
            {
                firstException.Data[Storage.CassandraRetryingExecutionStrategy.NotRetriableKey] = true;
            }
        }

        throw updateException;
    }

    private static void AcceptSucceeded(List<CqlWriteUnit> units, Outcome[] outcomes)
    {
        for (var i = 0; i < units.Count; i++)
        {
            if (outcomes[i].Exception is not null || outcomes[i].IsNotApplied || outcomes[i].IsNotSent)
            {
                continue;
            }

            foreach (var write in units[i].Writes)
            {
                foreach (var entry in write.Command.Entries)
                {
                    var entityEntry = entry.ToEntityEntry();
                    if (entry.EntityState == EntityState.Deleted)
                    {
                        entityEntry.State = EntityState.Detached;
                    }
                    else
                    {
                        entityEntry.OriginalValues.SetValues(entityEntry.CurrentValues);
                        entityEntry.State = EntityState.Unchanged;
                    }
                }
            }
        }
    }

    private string Describe(IReadOnlyList<IUpdateEntry> entries)
        => string.Join(", ", entries.Take(10).Select(Describe)) + (entries.Count > 10 ? $" and {entries.Count - 10} more" : "");

    private string Describe(IUpdateEntry entry)
    {
        var key = entry.EntityType.FindPrimaryKey();
        var description = $"'{entry.EntityType.DisplayName()}' ({entry.EntityState})";
        return _sensitive && key is not null
            ? description + " {" + string.Join(", ", key.Properties.Select(p => $"{p.Name}: {entry.GetCurrentValue(p)}")) + "}"
            : description;
    }

    private readonly record struct Outcome(Exception? Exception, bool IsNotApplied, bool IsNotSent = false)
    {
        public static Outcome NotApplied => new(null, true);

        public static Outcome NotSent => new(null, false, true);
    }
}
