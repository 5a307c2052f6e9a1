using System.Globalization;

using CqlConnector;

using Microsoft.EntityFrameworkCore.Migrations;

namespace EntityFrameworkCore.Cassandra.Migrations.Internal;

/// <summary>
/// The migrations lock: one row of the keyspace's lock table, written with a lightweight transaction
/// (<c>INSERT ... IF NOT EXISTS USING TTL n</c>) and deleted by its holder (<c>DELETE ... IF "Owner" = me</c>). The row
/// lives for a time-to-live that the holder renews while it migrates, so a migrator that crashes blocks the others
/// for at most that long, never forever.
/// </summary>
/// <remarks>
/// The lock sends its statements through the context's data source (its session), never through the context's
/// connection, so that renewing it in the background never shares a connection with the migration's commands.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed class CassandraMigrationsLock : IMigrationsDatabaseLock
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> CreationGates = new(StringComparer.Ordinal);

    private readonly CqlDataSource _dataSource;
    private readonly string _table;
    private readonly int _timeToLiveSeconds;
    private readonly CancellationTokenSource _stopRenewing = new();
    private Task? _renewing;
    private volatile string? _lost;
    private int _released;

    private CassandraMigrationsLock(IHistoryRepository historyRepository, CqlDataSource dataSource, string table, TimeSpan timeToLive)
    {
        HistoryRepository = historyRepository;
        _dataSource = dataSource;
        _table = table;
        _timeToLiveSeconds = Math.Max(3, (int)Math.Ceiling(timeToLive.TotalSeconds));
    }

    /// <inheritdoc />
    public IHistoryRepository HistoryRepository { get; }

    /// <summary>Who holds the lock: this machine, this process, and a value of its own.</summary>
    public string Owner { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    /// <summary>
    /// Creates the lock table if needed, then waits (as long as it takes, or until cancelled) for the lock row to be
    /// free and takes it.
    /// </summary>
    /// <param name="historyRepository">The repository the lock belongs to.</param>
    /// <param name="dataSource">The data source of the context's connection.</param>
    /// <param name="table">The lock table, keyspace-qualified and quoted.</param>
    /// <param name="timeToLive">How long the row outlives a holder that stopped renewing it.</param>
    /// <param name="onWait">Told who holds the lock each time it is found taken.</param>
    /// <param name="async">Whether to do I/O asynchronously.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<CassandraMigrationsLock> AcquireAsync(
        IHistoryRepository historyRepository,
        CqlDataSource dataSource,
        string table,
        TimeSpan timeToLive,
        Action<string> onWait,
        bool async,
        CancellationToken cancellationToken)
    {
        var migrationsLock = new CassandraMigrationsLock(historyRepository, dataSource, table, timeToLive);
        await migrationsLock.EnsureTableAsync(async, cancellationToken).ConfigureAwait(false);

        var delay = FirstRetryDelay;
        while (true)
        {
            var (applied, holder) = await migrationsLock.TryInsertAsync(async, cancellationToken).ConfigureAwait(false);
            if (applied)
            {
                migrationsLock._renewing = migrationsLock.RenewAsync(migrationsLock._stopRenewing.Token);
                return migrationsLock;
            }

            onWait(holder);
            if (async)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(delay);
            }

            delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
        }
    }

    /// <summary>The lock is kept alive by its renewal: this fails only when the renewal lost it.</summary>
    /// <inheritdoc />
    public IMigrationsDatabaseLock ReacquireIfNeeded(bool connectionReopened, bool? transactionRestarted)
        => _lost is { } reason ? throw new InvalidOperationException(reason) : this;

    /// <inheritdoc />
    public Task<IMigrationsDatabaseLock> ReacquireIfNeededAsync(
        bool connectionReopened,
        bool? transactionRestarted,
        CancellationToken cancellationToken = default)
        => Task.FromResult(ReacquireIfNeeded(connectionReopened, transactionRestarted));

    /// <summary>Stops renewing and deletes the lock row if this migrator still holds it; a second call does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _stopRenewing.Cancel();
        ReleaseAsync(async: false).GetAwaiter().GetResult(); // completes synchronously: async: false does blocking I/O
    }

    /// <summary>Stops renewing and deletes the lock row if this migrator still holds it; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        if (_renewing is { } renewing)
        {
            await renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await ReleaseAsync(async: true).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(bool async)
    {
        await using var command = _dataSource.CreateCommand();
        command.CommandText = $"DELETE FROM {_table} WHERE \"Id\" = 1 IF \"Owner\" = :owner";
        command.Parameters.AddWithValue("owner", Owner);
        if (async)
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        else
        {
            command.ExecuteNonQuery();
        }

        _stopRenewing.Dispose();
    }

    private async Task<(bool Applied, string Holder)> TryInsertAsync(bool async, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        command.CommandText =
            $"INSERT INTO {_table} (\"Id\", \"Owner\", \"Acquired\") VALUES (1, :owner, :acquired) IF NOT EXISTS USING TTL {_timeToLiveSeconds.ToString(CultureInfo.InvariantCulture)}";
        command.Parameters.AddWithValue("owner", Owner);
        command.Parameters.AddWithValue("acquired", DateTime.UtcNow);
        await using var reader = async
            ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)
            : command.ExecuteReader();
        var read = async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();
        if (!read)
        {
            throw new InvalidOperationException(MigrationsStrings.LockAnswerWithoutRow(_table));
        }

        if (reader.GetBoolean(reader.GetOrdinal("[applied]")))
        {
            return (true, Owner);
        }

        var owner = reader.GetOrdinal("Owner");
        var acquired = reader.GetOrdinal("Acquired");
        return (false, string.Create(
            CultureInfo.InvariantCulture,
            $"{(reader.IsDBNull(owner) ? "?" : reader.GetString(owner))} since {(reader.IsDBNull(acquired) ? "?" : reader.GetDateTime(acquired).ToString("O", CultureInfo.InvariantCulture))}"));
    }

    // Renews the row's time-to-live at a third of it, as long as this migrator holds the lock.
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_timeToLiveSeconds / 3.0));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = _dataSource.CreateCommand();
                command.CommandText =
                    $"UPDATE {_table} USING TTL {_timeToLiveSeconds.ToString(CultureInfo.InvariantCulture)} SET \"Owner\" = :owner, \"Acquired\" = :acquired WHERE \"Id\" = 1 IF \"Owner\" = :owner";
                command.Parameters.AddWithValue("owner", Owner);
                command.Parameters.AddWithValue("acquired", DateTime.UtcNow);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.GetBoolean(0))
                {
                    _lost = MigrationsStrings.LockLost(_table, _timeToLiveSeconds);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            _lost = MigrationsStrings.LockRenewalFailed(_table, _timeToLiveSeconds, exception.Message);
        }
    }

    /// <summary>
    /// Creates the lock table when it is missing. Cassandra gives every CREATE TABLE an id of its own, and two
    /// creations of one table at the same moment leave the keyspace's schema in conflict (every later DDL in it fails
    /// with "ID mismatch" on 2.x): so the table is looked for first, created by one migrator of this process at a
    /// time, and after a random pause that makes two processes creating it at the same moment unlikely. Once it exists
    /// (after the first migration), any number of migrators may start at once.
    /// </summary>
    private async Task EnsureTableAsync(bool async, CancellationToken cancellationToken)
    {
        if (await TableExistsAsync(async, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var gate = CreationGates.GetOrAdd(_dataSource.ConnectionString + "|" + _table, _ => new SemaphoreSlim(1, 1));
        if (async)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            gate.Wait(cancellationToken);
        }

        try
        {
            var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 500));
            if (async)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Thread.Sleep(pause);
            }

            if (!await TableExistsAsync(async, cancellationToken).ConfigureAwait(false))
            {
                await ExecuteAsync(
                        $"CREATE TABLE IF NOT EXISTS {_table} (\"Id\" int PRIMARY KEY, \"Owner\" text, \"Acquired\" timestamp)",
                        async,
                        cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> TableExistsAsync(bool async, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT \"Id\" FROM {_table} LIMIT 1");
        try
        {
            await using var reader = async
                ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false)
                : command.ExecuteReader();
            return true;
        }
        catch (CqlInvalidQueryException)
        {
            return false; // unconfigured table
        }
    }

    private async Task ExecuteAsync(string cql, bool async, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        command.CommandText = cql;
        try
        {
            if (async)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
        catch (CqlAlreadyExistsException)
        {
            // Another migrator created it at the same moment: that is what IF NOT EXISTS asked for.
        }
    }
}
