using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>OPTIONS: asks which STARTUP options the server supports; also the heartbeat.</summary>
internal sealed class OptionsRequest : CqlRequest
{
    public static OptionsRequest Instance { get; } = new();

    public override Opcode Opcode => Opcode.Options;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
    }
}
