namespace CqlConnector;

/// <summary>
/// A version of the CQL native protocol. The client offers the highest version it speaks and steps down when the
/// server answers with a protocol error.
/// </summary>
public enum ProtocolVersion : byte
{
    /// <summary>Native protocol v3 (Cassandra 2.1+).</summary>
    V3 = 3,

    /// <summary>Native protocol v4 (Cassandra 2.2+): unset values, warnings, custom payloads.</summary>
    V4 = 4,

    /// <summary>Native protocol v5 (Cassandra 4.0+): checksummed segment framing, duration and vector types.</summary>
    V5 = 5,
}
