using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>PREPARE: parses a statement once on the server and returns its id and metadata.</summary>
internal sealed class PrepareRequest(string query, string? keyspace) : CqlRequest
{
    public override Opcode Opcode => Opcode.Prepare;

    public string Query { get; } = query;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        writer.WriteLongString(Query);
        if (version >= ProtocolVersion.V5)
        {
            // v5 prepare flags: 0x01 = with keyspace.
            if (keyspace is null)
            {
                writer.WriteInt32(0);
            }
            else
            {
                writer.WriteInt32(0x01);
                writer.WriteString(keyspace);
            }
        }
    }
}
