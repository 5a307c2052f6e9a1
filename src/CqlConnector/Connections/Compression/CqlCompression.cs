namespace CqlConnector;

/// <summary>
/// The compression a connection asks the node for in STARTUP (the <c>Compression</c> connection string key). It is
/// used only when the node lists the algorithm in its SUPPORTED options; otherwise the connection is uncompressed.
/// </summary>
public enum CqlCompression
{
    /// <summary>No compression (the default).</summary>
    None,

    /// <summary>
    /// LZ4: per frame body on protocol v3/v4, per segment on v5 (the only algorithm v5 has).
    /// </summary>
    Lz4,

    /// <summary>Snappy, per frame body on protocol v3/v4. Protocol v5 has no Snappy: a v5 connection stays uncompressed.</summary>
    Snappy,
}
