namespace CqlConnector;

/// <summary>How many replicas must answer a read or acknowledge a write (the protocol's [consistency]).</summary>
public enum ConsistencyLevel : ushort
{
    /// <summary>A write is stored by at least one node, possibly only as a hint.</summary>
    Any = 0x0000,

    /// <summary>One replica.</summary>
    One = 0x0001,

    /// <summary>Two replicas.</summary>
    Two = 0x0002,

    /// <summary>Three replicas.</summary>
    Three = 0x0003,

    /// <summary>A majority of all replicas.</summary>
    Quorum = 0x0004,

    /// <summary>Every replica.</summary>
    All = 0x0005,

    /// <summary>A majority of the replicas in the coordinator's data center.</summary>
    LocalQuorum = 0x0006,

    /// <summary>A majority of the replicas in each data center.</summary>
    EachQuorum = 0x0007,

    /// <summary>Paxos phase of a lightweight transaction across all data centers.</summary>
    Serial = 0x0008,

    /// <summary>Paxos phase of a lightweight transaction within the local data center.</summary>
    LocalSerial = 0x0009,

    /// <summary>One replica in the coordinator's data center.</summary>
    LocalOne = 0x000A,
}
