using CqlConnector.Connections;

namespace CqlConnector.Tests.Infrastructure;

/// <summary>Reaches a data source's physical connection, to check what it negotiated (version, compression).</summary>
internal static class PooledConnection
{
    /// <summary>A pooled connection to the first node of the session (opening the session if needed).</summary>
    public static async Task<CqlPhysicalConnection> FirstAsync(CqlDataSource dataSource)
    {
        var session = dataSource.Session;
        await session.EnsureInitializedAsync(IOBehavior.Asynchronous, default);
        return await session.GetPool(session.Hosts[0])!.AcquireAsync(IOBehavior.Asynchronous, TimeSpan.FromSeconds(10), default);
    }
}
