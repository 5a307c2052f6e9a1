using CqlConnector.Connections;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Execution;

/// <summary>
/// Waits until every node reports the same schema version: DDL reaches the other nodes asynchronously, and a table
/// used before it reached the node that coordinates the next request fails as unknown.
/// </summary>
/// <remarks>
/// One code path for both I/O behaviors: the synchronous ADO.NET API (<see cref="CqlCommand.ExecuteNonQuery"/>) waits
/// with blocking reads and sleeps of its own, never by blocking on asynchronous work.
/// </remarks>
internal static class SchemaAgreement
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Task<bool> WaitAsync(CqlSession session, TimeSpan maxWait, CancellationToken cancellationToken)
        => WaitAsync(session, maxWait, IOBehavior.Asynchronous, cancellationToken).AsTask();

    public static async ValueTask<bool> WaitAsync(CqlSession session, TimeSpan maxWait, IOBehavior io, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + maxWait;
        while (true)
        {
            if (await CheckAsync(session, io, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            var delay = left < PollInterval ? left : PollInterval;
            if (io == IOBehavior.Synchronous)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(delay);
            }
            else
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static Task<bool> CheckAsync(CqlSession session, CancellationToken cancellationToken)
        => CheckAsync(session, IOBehavior.Asynchronous, cancellationToken).AsTask();

    /// <summary>
    /// Compares the schema version of the coordinator (system.local) with those of its peers (system.peers). A peer
    /// without a version (still joining, or removed) is left out, as other drivers do.
    /// </summary>
    public static async ValueTask<bool> CheckAsync(CqlSession session, IOBehavior io, CancellationToken cancellationToken)
    {
        var local = await ReadVersionsAsync(session, "SELECT schema_version FROM system.local WHERE key = 'local'", io, cancellationToken).ConfigureAwait(false);
        if (local.Count == 0 || local[0] is not { } version)
        {
            return false;
        }

        var peers = await ReadVersionsAsync(session, "SELECT schema_version FROM system.peers", io, cancellationToken).ConfigureAwait(false);
        return peers.All(peer => peer is null || peer == version);
    }

    /// <summary>Reads the one column (a uuid) of every row of a system query, at consistency ONE.</summary>
    private static async ValueTask<List<Guid?>> ReadVersionsAsync(CqlSession session, string cql, IOBehavior io, CancellationToken cancellationToken)
    {
        var runner = new StatementRunner(session, cql, null, null)
        {
            Consistency = ConsistencyLevel.One,
            PageSize = 1000,
            Timeout = session.Settings.RequestTimeout,
            IsIdempotent = true,
        };
        var versions = new List<Guid?>();
        byte[]? pagingState = null;
        do
        {
            var frame = await runner.ExecutePageAsync(pagingState, io, cancellationToken).ConfigureAwait(false);
            using var page = RowsPage.Read(frame, null);
            if (page is null)
            {
                frame.Dispose();
                throw new CqlProtocolViolationException($"The node answered '{cql}' with a result that holds no rows.");
            }

            var cursor = new RowsPage.Cursor(page);
            while (cursor.MoveNext())
            {
                versions.Add(cursor.IsNull(0) ? null : (Guid)CqlValueCodec.ReadObject(cursor.GetCell(0), page.Columns[0].Type));
            }

            pagingState = page.PagingState;
        }
        while (pagingState is not null);

        return versions;
    }
}
