using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>STARTUP: initializes the connection with the CQL version and options (compression, driver identity).</summary>
internal sealed class StartupRequest(IReadOnlyDictionary<string, string> options) : CqlRequest
{
    public override Opcode Opcode => Opcode.Startup;

    public IReadOnlyDictionary<string, string> Options { get; } = options;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version) => writer.WriteStringMap(Options.ToArray());
}
