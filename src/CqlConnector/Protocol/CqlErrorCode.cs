namespace CqlConnector.Protocol;

/// <summary>The error codes of an ERROR response (native protocol §9).</summary>
public enum CqlErrorCode
{
    /// <summary>Something unexpected happened on the server.</summary>
    ServerError = 0x0000,

    /// <summary>The server found a protocol violation in a request.</summary>
    ProtocolError = 0x000A,

    /// <summary>Authentication was required and failed.</summary>
    AuthenticationError = 0x0100,

    /// <summary>Not enough replicas were alive for the consistency level.</summary>
    Unavailable = 0x1000,

    /// <summary>The coordinator is overloaded.</summary>
    Overloaded = 0x1001,

    /// <summary>The coordinator is bootstrapping.</summary>
    IsBootstrapping = 0x1002,

    /// <summary>A TRUNCATE failed.</summary>
    TruncateError = 0x1003,

    /// <summary>Replicas did not acknowledge a write in time.</summary>
    WriteTimeout = 0x1100,

    /// <summary>Replicas did not answer a read in time.</summary>
    ReadTimeout = 0x1200,

    /// <summary>A replica failed a read (protocol v4+).</summary>
    ReadFailure = 0x1300,

    /// <summary>A user-defined function failed.</summary>
    FunctionFailure = 0x1400,

    /// <summary>A replica failed a write (protocol v4+).</summary>
    WriteFailure = 0x1500,

    /// <summary>A write to a CDC-enabled table was refused (protocol v5).</summary>
    CdcWriteFailure = 0x1600,

    /// <summary>The outcome of a lightweight transaction is unknown (protocol v5).</summary>
    CasWriteUnknown = 0x1700,

    /// <summary>The CQL text does not parse.</summary>
    SyntaxError = 0x2000,

    /// <summary>The logged-in user lacks a permission.</summary>
    Unauthorized = 0x2100,

    /// <summary>The query is syntactically correct but invalid.</summary>
    Invalid = 0x2200,

    /// <summary>The query is invalid because of a configuration issue.</summary>
    ConfigError = 0x2300,

    /// <summary>The keyspace or table to create already exists.</summary>
    AlreadyExists = 0x2400,

    /// <summary>The prepared statement id is unknown to the coordinator.</summary>
    Unprepared = 0x2500,
}
