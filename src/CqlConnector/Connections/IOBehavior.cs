namespace CqlConnector.Connections;

/// <summary>
/// Whether an operation runs asynchronously or blocks its calling thread. One code path serves both: with
/// <see cref="Synchronous"/> every ValueTask it returns is already complete, and no wait depends on a thread-pool
/// thread, so synchronous callers cannot deadlock when the pool is starved.
/// </summary>
internal enum IOBehavior
{
    Asynchronous,
    Synchronous,
}
