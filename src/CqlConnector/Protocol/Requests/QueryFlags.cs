namespace CqlConnector.Protocol.Requests;

/// <summary>The flags of a request's query parameters (§4.1.4); a byte on v3/v4, an int on v5.</summary>
[Flags]
internal enum QueryFlags
{
    None = 0x00,
    Values = 0x01,
    SkipMetadata = 0x02,
    PageSize = 0x04,
    WithPagingState = 0x08,
    WithSerialConsistency = 0x10,
    WithDefaultTimestamp = 0x20,
    WithNamesForValues = 0x40,
    WithKeyspace = 0x80,
    WithNowInSeconds = 0x100,
}
