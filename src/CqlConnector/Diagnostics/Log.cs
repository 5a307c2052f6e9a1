using System.Net;
using Microsoft.Extensions.Logging;

namespace CqlConnector.Diagnostics;

/// <summary>
/// Every log message of the driver, source-generated (no formatting and no boxing unless the level is enabled), with
/// the fixed ids of <see cref="CqlEventIds"/>. Logger category: <c>CqlConnector</c>.
/// </summary>
internal static partial class Log
{
    public const string Category = "CqlConnector";

    [LoggerMessage(CqlEventIds.ConnectionOpened, LogLevel.Debug, "Opened a connection to {EndPoint} speaking native protocol {ProtocolVersion}")]
    public static partial void ConnectionOpened(ILogger logger, EndPoint endPoint, string protocolVersion);

    [LoggerMessage(CqlEventIds.ConnectionClosed, LogLevel.Debug, "Closed the connection to {EndPoint}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, EndPoint endPoint, string reason);

    [LoggerMessage(CqlEventIds.ConnectionFailed, LogLevel.Warning, "Could not connect to {EndPoint}")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint endPoint, Exception exception);

    [LoggerMessage(CqlEventIds.ProtocolVersionNegotiated, LogLevel.Information, "{EndPoint} does not speak native protocol {Offered}; stepped down to {Negotiated}")]
    public static partial void ProtocolVersionNegotiated(ILogger logger, EndPoint endPoint, string offered, string negotiated);

    [LoggerMessage(CqlEventIds.HeartbeatFailed, LogLevel.Warning, "The connection to {EndPoint} did not answer a heartbeat within {Timeout}; replacing it")]
    public static partial void HeartbeatFailed(ILogger logger, EndPoint endPoint, TimeSpan timeout);

    [LoggerMessage(CqlEventIds.HostUp, LogLevel.Information, "Host {EndPoint} is up")]
    public static partial void HostUp(ILogger logger, EndPoint endPoint);

    [LoggerMessage(CqlEventIds.HostDown, LogLevel.Warning, "Host {EndPoint} is down: {Reason}")]
    public static partial void HostDown(ILogger logger, EndPoint endPoint, string reason);

    [LoggerMessage(CqlEventIds.ReconnectionScheduled, LogLevel.Information, "Reconnecting to {EndPoint} in {Delay} (attempt {Attempt})")]
    public static partial void ReconnectionScheduled(ILogger logger, EndPoint endPoint, TimeSpan delay, int attempt);

    [LoggerMessage(CqlEventIds.HostAdded, LogLevel.Information, "Host {EndPoint} joined the cluster (data center {DataCenter}, rack {Rack})")]
    public static partial void HostAdded(ILogger logger, EndPoint endPoint, string? dataCenter, string? rack);

    [LoggerMessage(CqlEventIds.HostRemoved, LogLevel.Information, "Host {EndPoint} left the cluster")]
    public static partial void HostRemoved(ILogger logger, EndPoint endPoint);

    [LoggerMessage(CqlEventIds.RequestFailed, LogLevel.Debug, "{Operation} on {Coordinator} failed with {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string operation, EndPoint? coordinator, string errorType, Exception exception);

    [LoggerMessage(CqlEventIds.RequestTimedOut, LogLevel.Warning, "{Operation} on {Coordinator} got no answer within {Timeout}")]
    public static partial void RequestTimedOut(ILogger logger, string operation, EndPoint? coordinator, TimeSpan timeout);

    [LoggerMessage(CqlEventIds.RetryDecided, LogLevel.Debug, "Retrying {Operation} ({Decision}, attempt {Attempt}) after {ErrorType}")]
    public static partial void RetryDecided(ILogger logger, string operation, string decision, int attempt, string errorType);

    [LoggerMessage(CqlEventIds.SpeculativeExecutionStarted, LogLevel.Debug, "Speculative execution {Execution} of {Operation} sent to {EndPoint}")]
    public static partial void SpeculativeExecutionStarted(ILogger logger, int execution, string operation, EndPoint endPoint);

    [LoggerMessage(CqlEventIds.StatementReprepared, LogLevel.Debug, "{EndPoint} no longer knew a prepared statement (UNPREPARED); prepared it again: {Query}")]
    public static partial void StatementReprepared(ILogger logger, EndPoint? endPoint, string query);

    [LoggerMessage(CqlEventIds.ServerWarning, LogLevel.Warning, "{EndPoint} warned about {Operation}: {Warning}")]
    public static partial void ServerWarning(ILogger logger, EndPoint? endPoint, string operation, string warning);

    [LoggerMessage(CqlEventIds.SchemaAgreementTimedOut, LogLevel.Warning, "The nodes did not agree on the schema within {Timeout}; carrying on, but the next statements may not see the change everywhere")]
    public static partial void SchemaAgreementTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(CqlEventIds.SchemaChanged, LogLevel.Debug, "Schema change: {Change} {Target} {Keyspace}.{Name}")]
    public static partial void SchemaChanged(ILogger logger, string change, string target, string keyspace, string? name);
}
