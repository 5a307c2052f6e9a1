using System.Net;

namespace CqlConnector;

/// <summary>
/// Every node of the query plan was tried and none could serve the request (each was down, unreachable, or failed
/// with an error the retry policy passed on). <see cref="Errors"/> says what happened on each.
/// </summary>
public sealed class CqlNoHostAvailableException : CqlException
{
    /// <summary>Creates the exception.</summary>
    public CqlNoHostAvailableException(IReadOnlyDictionary<EndPoint, Exception> errors)
        : base(BuildMessage(errors), errors.Count == 1 ? errors.Values.First() : new AggregateException(errors.Values))
    {
        Errors = errors;
    }

    /// <summary>The error met on each node tried.</summary>
    public IReadOnlyDictionary<EndPoint, Exception> Errors { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;

    private static string BuildMessage(IReadOnlyDictionary<EndPoint, Exception> errors) => errors.Count == 0
        ? "No Cassandra node is up to serve the request. The session keeps reconnecting in the background; check that the nodes are running and reachable."
        : "No Cassandra node could serve the request. Tried: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value.Message}"));
}
