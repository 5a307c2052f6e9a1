using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>AUTH_RESPONSE: the client's answer to an authentication challenge (a SASL token).</summary>
internal sealed class AuthResponseRequest(byte[]? token) : CqlRequest
{
    public override Opcode Opcode => Opcode.AuthResponse;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        if (token is null)
        {
            writer.WriteNullBytes();
        }
        else
        {
            writer.WriteBytes(token);
        }
    }
}
