using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>REGISTER: subscribes the connection to server events (TOPOLOGY_CHANGE, STATUS_CHANGE, SCHEMA_CHANGE).</summary>
internal sealed class RegisterRequest(IReadOnlyList<string> eventTypes) : CqlRequest
{
    public override Opcode Opcode => Opcode.Register;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version) => writer.WriteStringList(eventTypes);
}
