namespace CqlConnector.Diagnostics;

/// <summary>
/// The event ids of CqlConnector's log messages. Published ids never change meaning and are never reused, so that
/// log filters and alerts written against them keep working.
/// </summary>
public static class CqlEventIds
{
#pragma warning disable CS1591 // each id is documented by its log message in Log.cs
    // Connections: 1000–1099
    public const int ConnectionOpened = 1000;
    public const int ConnectionClosed = 1001;
    public const int ConnectionFailed = 1002;
    public const int ProtocolVersionNegotiated = 1003;
    public const int HeartbeatFailed = 1004;

    // Hosts and topology: 1100–1199
    public const int HostUp = 1100;
    public const int HostDown = 1101;
    public const int ReconnectionScheduled = 1102;
    public const int HostAdded = 1103;
    public const int HostRemoved = 1104;

    // Requests: 1200–1299
    public const int RequestFailed = 1200;
    public const int RequestTimedOut = 1201;
    public const int RetryDecided = 1202;
    public const int SpeculativeExecutionStarted = 1203;
    public const int StatementReprepared = 1204;
    public const int ServerWarning = 1205;

    // Schema: 1300–1399
    public const int SchemaAgreementTimedOut = 1300;
    public const int SchemaChanged = 1301;
#pragma warning restore CS1591
}
