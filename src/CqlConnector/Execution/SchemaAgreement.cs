namespace CqlConnector.Execution;

/// <summary>
/// Waits until every node reports the same schema version: DDL reaches the other nodes asynchronously, and a table
/// used before it reached the node that coordinates the next request fails as unknown.
/// </summary>
internal static class SchemaAgreement
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<bool> WaitAsync(CqlSession session, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + maxWait;
        while (true)
        {
            if (await CheckAsync(session, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Compares the schema version of the coordinator (system.local) with those of its peers (system.peers). A peer
    /// without a version (still joining, or removed) is left out, as other drivers do.
    /// </summary>
    public static async Task<bool> CheckAsync(CqlSession session, CancellationToken cancellationToken)
    {
        Guid? local = null;
        await using (var result = await session.ExecuteAsync(SystemQuery("SELECT schema_version FROM system.local WHERE key = 'local'"), cancellationToken).ConfigureAwait(false))
        {
            await foreach (var row in result.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                local = row.Get<Guid?>(0);
            }
        }

        await using var peers = await session.ExecuteAsync(SystemQuery("SELECT peer, schema_version FROM system.peers"), cancellationToken).ConfigureAwait(false);
        await foreach (var row in peers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Get<Guid?>(1) is { } version && version != local)
            {
                return false;
            }
        }

        return local is not null;
    }

    private static SimpleStatement SystemQuery(string cql) => new(cql) { Consistency = ConsistencyLevel.One, IsIdempotent = true };
}
