namespace CqlConnector.Serialization;

/// <summary>The [option] ids of the protocol's column type specifications (native protocol §4.2.5.2).</summary>
public enum CqlTypeCode : ushort
{
    /// <summary>A custom type named by its Java class (vector is one).</summary>
    Custom = 0x0000,
    /// <summary>ascii.</summary>
    Ascii = 0x0001,
    /// <summary>bigint.</summary>
    Bigint = 0x0002,
    /// <summary>blob.</summary>
    Blob = 0x0003,
    /// <summary>boolean.</summary>
    Boolean = 0x0004,
    /// <summary>counter.</summary>
    Counter = 0x0005,
    /// <summary>decimal.</summary>
    Decimal = 0x0006,
    /// <summary>double.</summary>
    Double = 0x0007,
    /// <summary>float.</summary>
    Float = 0x0008,
    /// <summary>int.</summary>
    Int = 0x0009,
    /// <summary>timestamp.</summary>
    Timestamp = 0x000B,
    /// <summary>uuid.</summary>
    Uuid = 0x000C,
    /// <summary>varchar / text.</summary>
    Varchar = 0x000D,
    /// <summary>varint.</summary>
    Varint = 0x000E,
    /// <summary>timeuuid.</summary>
    Timeuuid = 0x000F,
    /// <summary>inet.</summary>
    Inet = 0x0010,
    /// <summary>date (protocol v4+).</summary>
    Date = 0x0011,
    /// <summary>time (protocol v4+).</summary>
    Time = 0x0012,
    /// <summary>smallint (protocol v4+).</summary>
    Smallint = 0x0013,
    /// <summary>tinyint (protocol v4+).</summary>
    Tinyint = 0x0014,
    /// <summary>duration (protocol v5).</summary>
    Duration = 0x0015,
    /// <summary>list&lt;T&gt;.</summary>
    List = 0x0020,
    /// <summary>map&lt;K, V&gt;.</summary>
    Map = 0x0021,
    /// <summary>set&lt;T&gt;.</summary>
    Set = 0x0022,
    /// <summary>A user-defined type.</summary>
    Udt = 0x0030,
    /// <summary>tuple&lt;...&gt;.</summary>
    Tuple = 0x0031,
}
